package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The product's storage interface against the active integration: S3Mock (with tagging) over real HTTP. */
class RecordingStoreTest extends GatewayTest {

    static final String BUCKET = "airlock-recordings";

    @TempDir
    static Path dir;
    static S3MockServer s3mock;

    @Autowired
    RecordingStore store;

    @BeforeAll
    static void startStore() {
        s3mock = S3MockServer.start(dir.resolve("s3mock"), BUCKET);
    }

    @AfterAll
    static void stopStore() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @BeforeEach
    void activateS3Mock() {
        var admin = signedInAdmin();
        var created = admin.post("/api/integrations", Json.object("name", uniqueName("Recordings"), "endpoint",
                s3mock.endpoint().toString(), "region", "us-east-1", "bucket", BUCKET, "prefix", "recordings/",
                "accessKeyId", "AKIAIGNOREDBYS3MOCK", "secretAccessKey", "ignored-by-s3mock", "pathStyle", true));
        long id = Json.parse(created.body()).get("id").asLong();
        admin.post("/api/integrations/" + id + "/check", "{}");
        var activated = admin.post("/api/integrations/" + id + "/activate", "{}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }

    @AfterEach
    void reactivateEmbeddedStore() {
        S3IntegrationApiTest.reactivateEmbedded(signedInAdmin());
    }

    @Test
    void storesAnObjectWithMetadataAndSanitisedTagsOnce() throws Exception {
        Path file = dir.resolve("small.cast");
        Files.writeString(file, "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"hello\"]\n");
        String key = "sessions/" + uniqueName("s") + ".cast";

        var stored = store.put(key, file, "application/x-asciicast", Map.of("session-id", "42"),
                Map.of("user", "alice", "equipment", "PLC #7 (line 2)"));

        assertThat(stored.transferred()).isTrue();
        assertThat(stored.sha256()).isEqualTo(sha256(Files.newInputStream(file)));
        assertThat(store.tags(key)).containsEntry("user", "alice").containsEntry("equipment", "PLC _7 _line 2_");
        var head = store.head(key).orElseThrow();
        assertThat(head.size()).isEqualTo(Files.size(file));
        assertThat(head.sha256()).isEqualTo(stored.sha256());
        assertThat(head.metadata()).containsEntry("session-id", "42").containsEntry("tag-user", "alice");
        try (InputStream range = store.getRange(key, 1, 9)) {
            assertThat(new String(range.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("\"version\"");
        }
        assertThat(store.list("sessions/", 1000)).extracting(RecordingStore.StoredObject::key).contains(key);

        var again = store.put(key, file, "application/x-asciicast", Map.of("session-id", "42"),
                Map.of("user", "alice", "equipment", "PLC #7 (line 2)"));
        assertThat(again.transferred()).isFalse();
        assertThat(store.head("sessions/missing.cast")).isEmpty();
    }

    @Test
    void tagsRefusedByTheStoreLeaveTheObjectStoredWithTheMetadataAndSaySo() throws Exception {
        try (var proxy = S3FrontProxy.start(s3mock.endpoint())) {
            var admin = signedInAdmin();
            var created = admin.post("/api/integrations", Json.object("name", uniqueName("No tagging"), "endpoint",
                    proxy.endpoint().toString(), "region", "us-east-1", "bucket", BUCKET, "prefix", "refused/",
                    "accessKeyId", "AKIAIGNOREDBYS3MOCK", "secretAccessKey", "ignored-by-s3mock", "pathStyle", true));
            long id = Json.parse(created.body()).get("id").asLong();
            admin.post("/api/integrations/" + id + "/check", "{}");
            assertThat(admin.post("/api/integrations/" + id + "/activate", "{}").status()).isEqualTo(200);
            // The policy changes after the check: PutObjectTagging is now denied, as AWS may.
            proxy.deny(S3FrontProxy.Operation.PUT_OBJECT_TAGGING);
            Path file = dir.resolve("refused.cast");
            Files.writeString(file, "[0.1, \"o\", \"$ \"]\n");
            String key = "sessions/" + uniqueName("t") + ".cast";

            var stored = store.put(key, file, "application/x-asciicast", Map.of("session-id", "9"),
                    Map.of("user", "carol"));

            assertThat(stored.transferred()).isTrue();
            assertThat(stored.tagging().applied()).isFalse();
            assertThat(stored.tagging().note()).contains("AccessDenied").contains("metadata only");
            assertThat(store.head(key).orElseThrow().metadata()).containsEntry("tag-user", "carol")
                    .containsEntry("session-id", "9");
        }
    }

    @Test
    void onAStoreWithoutTaggingTheTagsAreKeptAsMetadata() throws Exception {
        S3IntegrationApiTest.reactivateEmbedded(signedInAdmin());
        Path file = dir.resolve("embedded.cast");
        Files.writeString(file, "[0.1, \"o\", \"$ \"]\n");
        String key = "sessions/" + uniqueName("e") + ".cast";

        var stored = store.put(key, file, "application/x-asciicast", Map.of(), Map.of("user", "bob"));

        assertThat(stored.transferred()).isTrue();
        assertThat(store.head(key).orElseThrow().metadata()).containsEntry("tag-user", "bob")
                .containsEntry(RecordingStore.SHA256_METADATA, stored.sha256());
        assertThat(store.tags(key)).isEmpty();
    }

    @Test
    void aLargeFileGoesUpInPartsWithBoundedHeap() throws Exception {
        long size = 200L * 1024 * 1024;
        Path file = dir.resolve("large.mp4");
        String expected = writeRandomFile(file, size);
        String key = "videos/" + uniqueName("v") + ".mp4";

        var heap = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = heap.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(before);
        var running = new AtomicBoolean(true);
        // Samples the live heap (after a collection) while the upload runs, bounded by the upload's end.
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < 2_400 && running.get(); i++) {
                System.gc();
                peak.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Instant start = Instant.now();
        RecordingStore.StoredObject stored;
        try {
            stored = store.put(key, file, "video/mp4", Map.of(), Map.of("kind", "recording"));
        } finally {
            running.set(false);
            sampler.join(5_000);
        }
        Duration took = Duration.between(start, Instant.now());
        System.gc();
        long after = heap.getHeapMemoryUsage().getUsed();
        long growth = peak.get() - before;
        System.out.printf("multipart upload of %d MiB in %d ms: live heap before %d MiB, peak %d MiB (+%d MiB), "
                + "after %d MiB%n", size >> 20, took.toMillis(), before >> 20, peak.get() >> 20, growth >> 20,
                after >> 20);

        assertThat(stored.transferred()).isTrue();
        assertThat(stored.sha256()).isEqualTo(expected);
        // Two 16 MiB parts at most in flight; a whole-file buffer would be 200 MiB.
        assertThat(growth).isLessThan(64L * 1024 * 1024);
        assertThat(store.head(key).orElseThrow().size()).isEqualTo(size);
        try (var s3 = S3Clients.create(s3mock.endpoint(), "us-east-1", true, "AKIAIGNOREDBYS3MOCK", "ignored")) {
            // A multipart object's ETag ends with its part count: 200 MiB in 16 MiB parts is 13 parts.
            assertThat(s3.headObject(b -> b.bucket(BUCKET).key("recordings/" + key)).eTag()).endsWith("-13\"");
        }
        try (InputStream in = store.getRange(key, 0, size - 1)) {
            assertThat(sha256(in)).isEqualTo(expected);
        }
        assertThat(store.put(key, file, "video/mp4", Map.of(), Map.of("kind", "recording")).transferred()).isFalse();
    }

    private static String writeRandomFile(Path file, long size) throws IOException {
        var random = new SplittableRandom(20261125);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                digest.update(chunk);
                out.write(chunk);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        try (var digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
    }
}
