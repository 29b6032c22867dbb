package io.airlock.server.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The object store of the active storage integration, as the rest of the product uses it. Keys are relative
 * to the integration's prefix. Every call fails with a {@link StorageException} when no integration is
 * active or the store refuses; transient store errors (throttling, 5xx) are retried with backoff first.
 */
public interface RecordingStore {

    /** The name of the active storage integration, or empty when none is active (recordings cannot be kept). */
    Optional<String> activeIntegration();

    /** The name of an integration, or empty when it has been deleted. */
    Optional<String> integrationName(long integrationId);

    /** The id of the active storage integration, recorded with a session so its recording goes there. */
    OptionalLong activeIntegrationId();

    /**
     * The same operations against one integration, whether or not it is still the active one. Calls fail
     * with {@link StorageException.Reason#UNAVAILABLE} once that integration has been deleted.
     */
    RecordingStore integration(long integrationId);

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
    default StoredObject put(String key, Path file, String contentType, Map<String, String> metadata,
            Map<String, String> tags) {
        return put(key, file, contentType, metadata, tags, uploadId -> {
        });
    }

    /**
     * As {@link #put(String, Path, String, Map, Map)}, telling {@code multipartStarted} the id of a
     * multipart upload before its first part is sent, so a caller that may crash can keep it and
     * {@link #abortUpload abort} it later. Tags that the store refuses do not fail the upload: the
     * result says so and the tags stay in the metadata.
     */
    StoredObject put(String key, Path file, String contentType, Map<String, String> metadata, Map<String, String> tags,
            Consumer<String> multipartStarted);

    /**
     * Aborts a multipart upload left open by a crash, so no parts linger. Best effort: without
     * {@code s3:AbortMultipartUpload} the bucket's lifecycle rule removes them.
     *
     * @return whether the store confirmed the abort (or knew no such upload)
     */
    boolean abortUpload(String key, String uploadId);

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
     * @param tagging what became of the tags {@link #put} was given; {@link Tagging#NONE} elsewhere
     */
    record StoredObject(String key, long size, String sha256, Map<String, String> metadata, Instant lastModified,
            boolean transferred, Tagging tagging) {
    }

    /**
     * What became of an object's tags.
     *
     * @param applied whether they are S3 tags now
     * @param note why not, in words for the audit trail; null when applied or when there were none
     */
    record Tagging(boolean applied, String note) {
        public static final Tagging NONE = new Tagging(false, null);
    }
}
