package io.airlock.server.storage;

import java.net.URI;
import java.time.Instant;

/**
 * A bucket recordings may be stored in, reached through the S3 API.
 *
 * @param endpoint the S3 endpoint; null means AWS itself
 * @param prefix key prefix under which Airlock writes, ending with '/'
 */
public record StorageIntegration(long id, String name, StorageKind kind, URI endpoint, String region, String bucket,
        String prefix, boolean pathStyle, boolean active, Instant createdAt, Instant updatedAt) {
}
