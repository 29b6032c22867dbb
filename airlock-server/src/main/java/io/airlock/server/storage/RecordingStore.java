package io.airlock.server.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object store of the active storage integration, as the rest of the product uses it. Keys are relative
 * to the integration's prefix. Every call fails with a {@link StorageException} when no integration is
 * active or the store refuses; transient store errors (throttling, 5xx) are retried with backoff first.
 */
public interface RecordingStore {

    /** The name of the active storage integration, or empty when none is active (recordings cannot be kept). */
    Optional<String> activeIntegration();

    /** Metadata key holding the hex SHA-256 of an object's content, which makes uploads idempotent. */
    String SHA256_METADATA = "sha256";

    /**
     * Uploads a file, streaming it: one PUT below the multipart threshold, 16 MiB parts above it. When an
     * object with the same key and the same SHA-256 already exists nothing is sent again.
     *
     * @param metadata stored as {@code x-amz-meta-*}; tags are always stored there too
     * @param tags S3 tags, checked against S3's rules before anything is sent and applied where the store
     *        supports tagging
     */
    StoredObject put(String key, Path file, String contentType, Map<String, String> metadata, Map<String, String> tags);

    /** Bytes {@code first} to {@code last} (inclusive) of an object; the caller closes the stream. */
    InputStream getRange(String key, long first, long last);

    /** The object's size and metadata, or empty when it does not exist. */
    Optional<StoredObject> head(String key);

    /** Objects under a key prefix, in key order, at most {@code limit}. */
    List<StoredObject> list(String prefix, int limit);

    /** The object's S3 tags; empty on a store without tagging. */
    Map<String, String> tags(String key);

    /**
     * An object in the store.
     *
     * @param key relative to the integration's prefix
     * @param sha256 hex SHA-256 of the content when recorded in its metadata, else null
     * @param metadata user metadata; empty in listings, which do not carry it
     * @param transferred whether {@link #put} sent the bytes (false when an identical object was already there)
     */
    record StoredObject(String key, long size, String sha256, Map<String, String> metadata, Instant lastModified,
            boolean transferred) {
    }
}
