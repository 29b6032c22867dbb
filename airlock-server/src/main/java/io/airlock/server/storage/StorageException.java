package io.airlock.server.storage;

/** A storage operation that could not be done, with a message fit for an administrator. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why storage failed. */
    public enum Reason {
        /** No usable integration, or its store cannot be reached. */
        UNAVAILABLE,
        /** The store answered with an error. */
        REJECTED,
        /** The request breaks a rule of S3 (such as its tag rules) and was not sent. */
        INVALID
    }

    private final Reason reason;

    public StorageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
