package io.airlock.server.storage;

import io.airlock.server.config.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@link RecordingStore} over the S3 API: of whichever integration is active at the time of each call, or
 * of one integration it was {@link #integration(long) bound} to.
 */
@Component
class S3RecordingStore implements RecordingStore {

    /** Files up to this size go in one PUT; larger ones in parts of this size. */
    static final long PART_SIZE = 16L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(S3RecordingStore.class);

    private final StorageIntegrationRepository integrations;
    private final StorageClients clients;
    private final Supplier<StorageIntegration> integration;

    @Autowired
    S3RecordingStore(StorageIntegrationRepository integrations, StorageClients clients) {
        this(integrations, clients, () -> integrations.findActive().orElseThrow(() -> new StorageException(
                StorageException.Reason.UNAVAILABLE, "No storage integration is active; a System Admin activates one "
                        + "under Administration → External Integrations.")));
    }

    private S3RecordingStore(StorageIntegrationRepository integrations, StorageClients clients,
            Supplier<StorageIntegration> integration) {
        this.integrations = integrations;
        this.clients = clients;
        this.integration = integration;
    }

    @Override
    public RecordingStore integration(long integrationId) {
        return new S3RecordingStore(integrations, clients, () -> integrations.findById(integrationId)
                .orElseThrow(() -> new StorageException(StorageException.Reason.UNAVAILABLE, "The storage integration "
                        + "this recording belongs to (#" + integrationId + ") has been deleted.")));
    }

    private record Target(StorageIntegration integration, S3Client s3) {
        String bucket() {
            return integration.bucket();
        }

        String key(String relative) {
            return integration.prefix() + relative;
        }
    }

    @Override
    public StoredObject put(String key, Path file, String contentType, Map<String, String> metadata,
            Map<String, String> tags, Consumer<String> multipartStarted) {
        checkKey(key);
        Map<String, String> cleanTags = TagRules.sanitize(tags);
        Target target = target();
        long size = sizeOf(file);
        String sha256 = sha256(file);
        String fullKey = target.key(key);
        Optional<StoredObject> existing = head(target, key);
        boolean transferred;
        Map<String, String> stored;
        if (existing.isPresent() && sha256.equals(existing.get().sha256()) && existing.get().size() == size) {
            log.debug("{} is already stored with the same content; not uploading it again", key);
            transferred = false;
            stored = existing.get().metadata();
        } else {
            Map<String, String> allMetadata = new LinkedHashMap<>();
            metadata.forEach((k, v) -> allMetadata.put(k, MetadataValues.encode(v)));
            // Tags also go into metadata, so stores without tagging keep them too.
            cleanTags.forEach((k, v) -> allMetadata.put(tagMetadataKey(k), MetadataValues.encode(v)));
            allMetadata.put(SHA256_METADATA, sha256);
            try {
                if (size <= PART_SIZE) {
                    target.s3().putObject(b -> b.bucket(target.bucket()).key(fullKey).contentType(contentType)
                            .contentLength(size).metadata(allMetadata), RequestBody.fromFile(file));
                } else {
                    putMultipart(target, fullKey, file, size, contentType, allMetadata, multipartStarted);
                }
            } catch (SdkException e) {
                throw failure("Uploading " + fullKey, e);
            }
            transferred = true;
            stored = Map.copyOf(allMetadata);
        }
        return new StoredObject(key, size, sha256, stored, null, transferred, tag(target, fullKey, cleanTags));
    }

    /** Applies tags where the store supports them; a refusal is reported, never a failed upload. */
    private Tagging tag(Target target, String fullKey, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return Tagging.NONE;
        }
        boolean supported = integrations.findCheck(target.integration().id())
                .map(StorageCheck.Result::taggingSupported).orElse(false);
        if (!supported) {
            return new Tagging(false, "The integration's last check found no object tagging on this store; the "
                    + "session metadata is kept as object metadata only.");
        }
        // Tags go in their own request with an XML body rather than the x-amz-tagging header, whose URL
        // encoding S3-compatible stores decode inconsistently. Putting the same tags again is harmless.
        List<Tag> tagSet = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        try {
            target.s3().putObjectTagging(b -> b.bucket(target.bucket()).key(fullKey).tagging(t -> t.tagSet(tagSet)));
            return new Tagging(true, null);
        } catch (SdkException e) {
            String why = failure("Tagging " + fullKey, e).getMessage();
            log.warn("{}; the session metadata stays in the object's metadata", why);
            return new Tagging(false, why + "; the session metadata is kept as object metadata only.");
        }
    }

    @Override
    public boolean abortUpload(String key, String uploadId) {
        checkKey(key);
        Target target = target();
        try {
            target.s3().abortMultipartUpload(b -> b.bucket(target.bucket()).key(target.key(key)).uploadId(uploadId));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return true; // completed or aborted already
            }
            log.warn("Could not abort the multipart upload of {}: {}", target.key(key), e.getMessage());
            return false;
        } catch (SdkException e) {
            throw failure("Aborting the upload of " + target.key(key), e);
        }
    }

    private static void putMultipart(Target target, String fullKey, Path file, long size, String contentType,
            Map<String, String> metadata, Consumer<String> started) {
        long parts = (size + PART_SIZE - 1) / PART_SIZE;
        if (parts > MAX_PARTS) {
            throw new StorageException(StorageException.Reason.INVALID, "The file " + file + " is too large for S3 ("
                    + size + " bytes).");
        }
        String uploadId = target.s3().createMultipartUpload(b -> b.bucket(target.bucket()).key(fullKey)
                .contentType(contentType).metadata(metadata)).uploadId();
        started.accept(uploadId);
        try {
            List<CompletedPart> done = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                long offset = (part - 1) * PART_SIZE;
                long length = Math.min(PART_SIZE, size - offset);
                int number = part;
                String etag = target.s3().uploadPart(b -> b.bucket(target.bucket()).key(fullKey).uploadId(uploadId)
                        .partNumber(number).contentLength(length),
                        RequestBody.fromContentProvider(new FileSlice(file, offset, length), length,
                                "application/octet-stream")).eTag();
                done.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            target.s3().completeMultipartUpload(b -> b.bucket(target.bucket()).key(fullKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
        } catch (RuntimeException e) {
            abortQuietly(target, fullKey, uploadId);
            throw e;
        }
    }

    /**
     * One part of a file, re-readable from its start for each attempt, so a retried part is read from disk
     * again instead of being held in memory.
     */
    private static final class FileSlice implements ContentStreamProvider {
        private final Path file;
        private final long offset;
        private final long length;
        private InputStream current;

        FileSlice(Path file, long offset, long length) {
            this.file = file;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public InputStream newStream() {
            try {
                if (current != null) {
                    current.close();
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
                current = new BoundedInputStream(Channels.newInputStream(channel), length);
                return current;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** Reads at most {@code remaining} bytes of the underlying stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void abortQuietly(Target target, String fullKey, String uploadId) {
        try {
            target.s3().abortMultipartUpload(b -> b.bucket(target.bucket()).key(fullKey).uploadId(uploadId));
        } catch (SdkException e) {
            // Without s3:AbortMultipartUpload the parts stay until the bucket's lifecycle rule removes them.
            log.warn("Could not abort the multipart upload of {}: {}", fullKey, e.getMessage());
        }
    }

    @Override
    public InputStream getRange(String key, long first, long last) {
        checkKey(key);
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
        Target target = target();
        try {
            return target.s3().getObject(b -> b.bucket(target.bucket()).key(target.key(key))
                    .range("bytes=" + first + "-" + last));
        } catch (SdkException e) {
            throw failure("Reading " + target.key(key), e);
        }
    }

    @Override
    public Optional<StoredObject> head(String key) {
        checkKey(key);
        return head(target(), key);
    }

    private static Optional<StoredObject> head(Target target, String key) {
        HeadObjectResponse head;
        try {
            head = target.s3().headObject(b -> b.bucket(target.bucket()).key(target.key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("Reading " + target.key(key), e);
        } catch (SdkException e) {
            throw failure("Reading " + target.key(key), e);
        }
        return Optional.of(new StoredObject(key, head.contentLength(), head.metadata().get(SHA256_METADATA),
                Map.copyOf(head.metadata()), head.lastModified(), false, Tagging.NONE));
    }

    @Override
    public List<StoredObject> list(String prefix, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Target target = target();
        String base = target.integration().prefix();
        try {
            return target.s3().listObjectsV2Paginator(b -> b.bucket(target.bucket()).prefix(base + prefix)
                            .maxKeys(Math.min(limit, 1000)))
                    .contents().stream().limit(limit)
                    .map(o -> new StoredObject(o.key().substring(base.length()), o.size(), null, Map.of(),
                            o.lastModified(), false, Tagging.NONE))
                    .toList();
        } catch (SdkException e) {
            throw failure("Listing " + base + prefix, e);
        }
    }

    @Override
    public Map<String, String> tags(String key) {
        checkKey(key);
        Target target = target();
        try {
            var result = new LinkedHashMap<String, String>();
            target.s3().getObjectTagging(b -> b.bucket(target.bucket()).key(target.key(key))).tagSet()
                    .forEach(t -> result.put(t.key(), t.value()));
            return result;
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return Map.of();
            }
            throw failure("Reading the tags of " + target.key(key), e);
        } catch (SdkException e) {
            throw failure("Reading the tags of " + target.key(key), e);
        }
    }

    /** The metadata name a tag is also kept under; header names allow fewer characters than tag keys. */
    static String tagMetadataKey(String tagKey) {
        return "tag-" + tagKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    @Override
    public Optional<String> activeIntegration() {
        return integrations.findActive().map(StorageIntegration::name);
    }

    @Override
    public Optional<String> integrationName(long integrationId) {
        return integrations.findById(integrationId).map(StorageIntegration::name);
    }

    @Override
    public OptionalLong activeIntegrationId() {
        return integrations.findActive().map(i -> OptionalLong.of(i.id())).orElse(OptionalLong.empty());
    }

    private Target target() {
        StorageIntegration chosen = integration.get();
        return new Target(chosen, clients.clientFor(chosen));
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.length() > 512) {
            throw new IllegalArgumentException("bad object key: " + key);
        }
    }

    private static StorageException failure(String what, SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return new StorageException(StorageException.Reason.REJECTED, what + " failed: HTTP " + s3e.statusCode()
                    + " " + s3e.awsErrorDetails().errorCode() + " " + s3e.awsErrorDetails().errorMessage(), e);
        }
        return new StorageException(e instanceof SdkClientException ? StorageException.Reason.UNAVAILABLE
                : StorageException.Reason.REJECTED, what + " failed: " + e.getMessage(), e);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
