package io.airlock.server.storage;

import java.net.URI;
import java.time.Instant;

/**
 * A bucket recordings may be stored in, reached through the S3 API.
 *
 * @param endpoint the S3 endpoint; null means AWS itself
 * @param prefix key prefix under which Airlock writes, ending with '/'
 * @param accessKeyId the access key id of an external integration; null for the embedded store
 * @param secretSealed the secret access key sealed by the credential vault; null for the embedded store
 */
public record StorageIntegration(long id, String name, StorageKind kind, URI endpoint, String region, String bucket,
        String prefix, boolean pathStyle, boolean active, Instant createdAt, Instant updatedAt, String accessKeyId,
        String secretSealed) {

    /** The vault context the secret is sealed under, so a sealed value copied to another row does not open. */
    public static String secretContext(long id) {
        return "storage-integration:" + id + ":secret";
    }

    @Override
    public String toString() {
        // Even sealed, the secret has no business in logs.
        return "StorageIntegration[id=" + id + ", name=" + name + ", kind=" + kind + ", endpoint=" + endpoint
                + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix + ", pathStyle=" + pathStyle
                + ", active=" + active + ", accessKeyId=" + accessKeyId + "]";
    }
}
