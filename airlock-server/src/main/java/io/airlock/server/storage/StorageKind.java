package io.airlock.server.storage;

/** What kind of bucket an integration points at. */
public enum StorageKind {
    /** The object store running inside the gateway on loopback; for first runs and trials. */
    EMBEDDED("Embedded (local)"),
    /** The customer's own bucket on AWS or any S3-compatible store, reached with an access key. */
    S3("Amazon S3 or S3-compatible");

    private final String label;

    StorageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
