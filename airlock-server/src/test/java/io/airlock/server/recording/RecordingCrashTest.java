package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.storage.S3MockServer;
import io.airlock.server.support.Bucket;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbSocket;
import io.airlock.server.support.TcpProxy;
import io.airlock.server.support.TestPostgres;
import io.airlock.server.support.VideoProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Nothing recorded is lost when the gateway dies: a real gateway in a second JVM is killed with SIGKILL
 * while a recorded SSH or VNC session runs, while its video is transcoded and while it is uploaded;
 * started again on the same data directory it ends the session as "gateway restarted" and completes the
 * work, leaving exactly one video and one raw recording in the bucket. Also: the bucket unreachable for a
 * while (every connection dropped) only delays the upload. Each against the embedded store (s3proxy, no
 * tagging) and S3Mock (tagging), reached through a TCP relay that can slow or cut the connection.
 */
@Tag("peers")
class RecordingCrashTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PIPELINE_WAIT = Duration.ofSeconds(90);
    /**
     * How long the bucket stays unreachable in the outage test: several retries at the gateway's shortened
     * longest retry interval ({@link #STORAGE_RETRY_MAX}, 2 minutes by default), all of which must fail.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(40);
    private static final Duration STORAGE_RETRY_MAX = Duration.ofSeconds(10);
    private static final String S3MOCK_BUCKET = "crash-recordings";
    private static final String ADMIN_PASSWORD = "crash-test-admin-password";

    enum Store { EMBEDDED, S3MOCK }

    @TempDir
    static Path shared;
    static S3MockServer s3mock;

    @TempDir
    Path dir;
    ChildGateway gateway;
    TcpProxy relay;
    Bucket bucket;
    Map<String, String> settings;
    String prefix;
    boolean tagging;

    @BeforeAll
    static void startS3Mock() {
        s3mock = S3MockServer.start(shared.resolve("s3mock"), S3MOCK_BUCKET);
    }

    @AfterAll
    static void stopS3Mock() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (bucket != null) {
            bucket.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void killedWhileRecordingTheRestartedGatewayStoresWhatWasRecordedUpToTheCrash(Store store) throws Exception {
        var setup = start(store, Map.of());
        long id;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo before-crash-$((6*7))\n");
            terminal.awaitOutput("before-crash-42", WAIT);
            Thread.sleep(1_100); // the spool is flushed at least every second
            gateway.kill();
        }
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(audit.get("session").get("endReason").asString()).isEqualTo("GATEWAY_RESTARTED");
        assertThat(stored(id, audit, store)).contains("before-crash-42");
    }

    @Test
    void killedWhileRecordingADesktopTheRestartedGatewayStoresItsFbsAndVideo() throws Exception {
        start(Store.EMBEDDED, Map.of());
        var setup = EquipmentSetup.vnc(admin(), gateway.port(), PEERS, "crash-desktop", PEERS.vncPassword(), true);
        long id;
        try (var window = setup.open(80, 24)) {
            id = window.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var in = new RfbSocket.Input(window, WAIT, false);
            var out = new RfbSocket.Output(window);
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            out.write(ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.RAW)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()));
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);
            gateway.kill();
        }
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(audit.get("session").get("endReason").asString()).isEqualTo("GATEWAY_RESTARTED");
        JsonNode recording = audit.get("recording");
        String videoKey = prefix + recording.get("videoKey").asString();
        String fbsKey = prefix + recording.get("castKey").asString();
        assertThat(fbsKey).endsWith("/" + id + ".fbs");
        assertThat(bucket.keys(prefix)).filteredOn(k -> k.contains("/" + id + "."))
                .containsExactlyInAnyOrder(videoKey, fbsKey);
        assertThat(bucket.metadata(fbsKey)).containsEntry("session-id", Long.toString(id))
                .containsEntry("protocol", "VNC");
        Path fbs = bucket.download(fbsKey, dir.resolve("downloaded-" + id + ".fbs"));
        assertThat(sha256(fbs)).isEqualTo(recording.get("castSha256").asString());
        try (var in = Files.newInputStream(fbs); var playback = FbsPlayback.open(in)) {
            while (playback.next()) {
                // replays what was recorded up to the crash
            }
            assertThat(Arrays.stream(playback.framebuffer().pixels()).filter(p -> (p & 0xffffff) == 0xffffff).count())
                    .as("the xterm's white, on the screen the window was shown before the crash").isGreaterThan(2000);
        }
        Path video = bucket.download(videoKey, dir.resolve("downloaded-" + id + ".mp4"));
        assertThat(sha256(video)).isEqualTo(recording.get("videoSha256").asString());
        assertThat(VideoProbe.stream(video)).containsEntry("codec_name", "h264").containsEntry("width", "640")
                .containsEntry("height", "480");
    }

    @Test
    void killedTheMomentASessionIsReadyTheRestartedGatewayStillKnowsTheSessionAndStoresItsRecording()
            throws Exception {
        // No pause before the kill: whatever the gateway committed before it said "ready" (the session, the
        // storage integration activated just before) must be on disk, not in a write-behind buffer.
        var setup = start(Store.EMBEDDED, Map.of());
        long id;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            gateway.kill();
        }
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(audit.get("session").get("endReason").asString()).isEqualTo("GATEWAY_RESTARTED");
        // STARTED is written in the last commit before "ready" goes out.
        assertThat(audit.get("recording").get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .startsWith("STARTED");
        assertThat(bucket.keys(prefix)).anyMatch(k -> k.endsWith("/" + id + ".mp4"));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void killedWhileTranscodingTheRestartedGatewayTranscodesAgainAndLeavesNoPartialVideo(Store store)
            throws Exception {
        // No live encoder: the video is made from the spool after the session, as when none is free.
        var setup = start(store, Map.of("AIRLOCK_LIVE_ENCODERS", "0"));
        long id;
        Path spool = dir.resolve("data").resolve("spool");
        try (var terminal = setup.open(120, 40)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            // Fifteen seconds of a screen that changes all the time: a transcode long enough to be caught.
            terminal.type("for i in $(seq 1 150); do seq $i $((i+60)); sleep 0.1; done; echo dense-$((40+2))\n");
            terminal.awaitOutput("dense-42", Duration.ofSeconds(60));
        }
        Path partial = spool.resolve("session-" + id + ".mp4.part");
        assertThat(awaitFile(partial, PIPELINE_WAIT)).as("the transcode was seen running").isTrue();
        gateway.kill();
        assertThat(partial).exists(); // the crash came in the middle of it
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(stored(id, audit, store)).contains("dense-42");
        try (var files = Files.list(spool)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("session-" + id + "."));
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void killedWhileUploadingTheRestartedGatewayUploadsOnceWithoutPartialObjects(Store store) throws Exception {
        var setup = start(store, Map.of());
        long id;
        try (var terminal = setup.open(120, 40)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("for i in $(seq 1 40); do seq $i $((i*50)); sleep 0.05; done; echo bulk-$((40+2))\n");
            terminal.awaitOutput("bulk-42", Duration.ofSeconds(60));
            relay.throttle(16 * 1024); // the upload now takes seconds
        } // closing the window ends the session
        long before = relay.upstreamBytes();
        // Uploading: bytes are flowing to the store, and the video is still in the spool.
        awaitTrue(() -> relay.upstreamBytes() - before > 24 * 1024, PIPELINE_WAIT, "the upload started");
        Path video = dir.resolve("data").resolve("spool").resolve("session-" + id + ".mp4");
        assertThat(video).exists();
        gateway.kill();
        relay.pass();
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(stored(id, audit, store)).contains("bulk-42");
        assertThat(audit.get("session").get("endReason").asString()).isEqualTo("CLOSED_BY_USER");
    }

    @Test
    void killedInTheMiddleOfAMultipartUploadTheRestartAbortsItAndUploadsAfresh() throws Exception {
        var setup = start(Store.S3MOCK, Map.of());
        long id;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            // About 25 MB of recording: above the 16 MiB part size, so the raw recording goes up in parts.
            terminal.type("seq 1 3000000; echo many-parts-$((6*7))\n");
            terminal.awaitOutput("many-parts-42", Duration.ofSeconds(90));
            relay.throttle(4L * 1024 * 1024);
        }
        long before = relay.upstreamBytes();
        // Past the first 16 MiB part of the raw recording (the video, a few MB, goes first).
        awaitTrue(() -> relay.upstreamBytes() - before > 20L * 1024 * 1024, PIPELINE_WAIT, "a part was uploaded");
        gateway.kill();
        assertThat(bucket.openUploads()).as("the crash left a multipart upload open").isPositive();
        relay.pass();
        restart();

        JsonNode audit = awaitStatus(id, "READY");
        assertThat(stored(id, audit, Store.S3MOCK)).contains("many-parts-42");
        assertThat(audit.get("recording").get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .contains("UPLOAD_ABORTED");
    }

    @Test
    void aRecordingGoesToTheIntegrationThatWasActiveWhenItsSessionStarted() throws Exception {
        var setup = start(Store.S3MOCK, Map.of());
        long id;
        String otherPrefix = "other-" + dir.getFileName() + "/";
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo first-bucket-$((6*7))\n");
            terminal.awaitOutput("first-bucket-42", WAIT);
            // An administrator switches to another integration while the session runs.
            var admin = admin();
            var created = admin.post("/api/integrations", Json.object("name", "Other", "endpoint",
                    s3mock.endpoint().toString(), "region", "us-east-1", "bucket", S3MOCK_BUCKET, "prefix", otherPrefix,
                    "accessKeyId", "AKIAIGNOREDBYS3MOCK", "secretAccessKey", "ignored-by-s3mock", "pathStyle", true));
            long other = Json.parse(created.body()).get("id").asLong();
            admin.post("/api/integrations/" + other + "/check", "{}");
            assertThat(admin.post("/api/integrations/" + other + "/activate", "{}").status()).isEqualTo(200);
        }
        JsonNode audit = awaitStatus(id, "READY");
        assertThat(audit.get("recording").get("integrationName").asString()).isEqualTo("S3Mock");
        assertThat(stored(id, audit, Store.S3MOCK)).contains("first-bucket-42");
        assertThat(bucket.keys(otherPrefix + "recordings/")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void whileTheBucketIsUnreachableSessionsStillRunAndUploadsWaitAndCompleteWhenItReturns(Store store)
            throws Exception {
        var setup = start(store, Map.of());
        relay.drop();
        long id;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo during-outage-$((6*7))\n");
            terminal.awaitOutput("during-outage-42", WAIT);
        }
        JsonNode waiting = awaitStatus(id, "WAITING_FOR_STORAGE");
        assertThat(waiting.get("session").get("recordingDetail").asString()).contains("cannot be reached");
        assertThat(dir.resolve("data").resolve("spool").resolve("session-" + id + ".cast")).exists();
        // Out through several retries: nothing is lost, the recording keeps waiting in the spool.
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
            Thread.sleep(5_000);
            assertThat(status(id)).isEqualTo("WAITING_FOR_STORAGE");
            assertThat(dir.resolve("data").resolve("spool").resolve("session-" + id + ".cast")).exists();
        }
        relay.pass();

        // The next retry comes at most STORAGE_RETRY_MAX after the last failed one.
        JsonNode audit = awaitStatus(id, "READY", STORAGE_RETRY_MAX.plusSeconds(30));
        assertThat(stored(id, audit, store)).contains("during-outage-42");
        assertThat(audit.get("recording").get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .contains("WAITING_FOR_STORAGE", "UPLOADED", "READY");
    }

    @Test
    void onPostgresqlAKilledRecordingIsCompletedAfterTheRestartToo() throws Exception {
        String schema = TestPostgres.createSchema();
        try {
            var setup = start(Store.S3MOCK, Map.of("AIRLOCK_DB_URL", TestPostgres.urlFor(schema), "AIRLOCK_DB_USER",
                    TestPostgres.USER, "AIRLOCK_DB_PASSWORD", TestPostgres.PASSWORD));
            long id;
            try (var terminal = setup.open(80, 24)) {
                id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
                terminal.type("echo on-postgres-$((6*7))\n");
                terminal.awaitOutput("on-postgres-42", WAIT);
                Thread.sleep(1_100);
                gateway.kill();
            }
            restart();
            JsonNode audit = awaitStatus(id, "READY");
            assertThat(audit.get("session").get("endReason").asString()).isEqualTo("GATEWAY_RESTARTED");
            assertThat(stored(id, audit, Store.S3MOCK)).contains("on-postgres-42");
        } finally {
            if (gateway != null) {
                gateway.close();
                gateway = null;
            }
            TestPostgres.dropSchema(schema);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Starts a gateway, puts a relay in front of the chosen store, registers the store through the relay as
     * the active integration, and sets up an SSH asset in a group that enforces recording.
     */
    private EquipmentSetup.Setup start(Store store, Map<String, String> extra) throws IOException {
        int embeddedPort = ChildGateway.freePort();
        settings = new HashMap<>(Map.of("AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD, "AIRLOCK_NODE_ID", "crash-node",
                "AIRLOCK_EMBEDDED_S3_PORT", Integer.toString(embeddedPort),
                "airlock.recording.storage-retry-max", STORAGE_RETRY_MAX.toString()));
        settings.putAll(extra);
        gateway = ChildGateway.start(dir.resolve("data"), settings);
        var admin = admin();
        String name;
        String accessKey;
        String secret;
        String bucketName;
        int target;
        if (store == Store.EMBEDDED) {
            var credentials = new Properties();
            try (var in = Files.newInputStream(dir.resolve("data").resolve("s3").resolve("credentials.properties"))) {
                credentials.load(in);
            }
            accessKey = credentials.getProperty("accessKeyId");
            secret = credentials.getProperty("secretAccessKey");
            bucketName = "airlock";
            target = embeddedPort;
            name = "Embedded store over the network";
        } else {
            accessKey = "AKIAIGNOREDBYS3MOCK";
            secret = "ignored-by-s3mock";
            bucketName = S3MOCK_BUCKET;
            target = s3mock.endpoint().getPort();
            name = "S3Mock";
        }
        relay = TcpProxy.to(target);
        String prefix = "crash-" + dir.getFileName() + "/";
        var created = admin.post("/api/integrations", Json.object("name", name, "endpoint", "http://127.0.0.1:"
                + relay.port(), "region", "us-east-1", "bucket", bucketName, "prefix", prefix, "accessKeyId",
                accessKey, "secretAccessKey", secret, "pathStyle", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long integration = Json.parse(created.body()).get("id").asLong();
        admin.post("/api/integrations/" + integration + "/check", "{}");
        var activated = admin.post("/api/integrations/" + integration + "/activate", "{}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        bucket = new Bucket(URI.create("http://127.0.0.1:" + target), bucketName, accessKey, secret);
        this.prefix = prefix;
        this.tagging = store == Store.S3MOCK;
        return EquipmentSetup.ssh(admin, gateway.port(), PEERS, "crash", true);
    }

    private void restart() {
        gateway = ChildGateway.start(dir.resolve("data"), settings);
    }

    private GatewayClient admin() {
        var admin = new GatewayClient(gateway.port());
        var reply = admin.signIn("admin", ADMIN_PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return admin;
    }

    private JsonNode audit(long id) {
        var reply = admin().get("/api/sessions/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.parse(reply.body());
    }

    private String status(long id) {
        return audit(id).get("session").get("recordingStatus").asString();
    }

    private JsonNode awaitStatus(long id, String wanted) throws InterruptedException {
        return awaitStatus(id, wanted, PIPELINE_WAIT);
    }

    private JsonNode awaitStatus(long id, String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode audit = audit(id);
        while (!audit.get("session").get("recordingStatus").asString().equals(wanted)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            audit = audit(id);
        }
        assertThat(audit.get("session").get("recordingStatus").asString())
                .as("%s%n%s", audit.toString(), gateway.tail()).isEqualTo(wanted);
        return audit;
    }

    /**
     * Checks what the bucket holds for the session (exactly its video and its raw recording, no other or
     * partial object, no open multipart upload; SHA-256 as recorded; a playable H.264 video) and returns the
     * raw recording's text.
     */
    private String stored(long id, JsonNode audit, Store store) throws Exception {
        JsonNode recording = audit.get("recording");
        String videoKey = prefix + recording.get("videoKey").asString();
        String castKey = prefix + recording.get("castKey").asString();
        assertThat(bucket.keys(prefix)).filteredOn(k -> k.contains("/" + id + "."))
                .containsExactlyInAnyOrder(videoKey, castKey);
        if (store == Store.S3MOCK) {
            assertThat(bucket.openUploads()).isZero();
        }
        Path video = bucket.download(videoKey, dir.resolve("downloaded-" + id + ".mp4"));
        assertThat(sha256(video)).isEqualTo(recording.get("videoSha256").asString())
                .isEqualTo(bucket.metadata(videoKey).get("sha256"));
        assertThat(VideoProbe.stream(video)).containsEntry("codec_name", "h264").containsEntry("width", "640")
                .containsEntry("height", "480").containsEntry("pix_fmt", "yuv420p").containsEntry("r_frame_rate", "25/1");
        Map<String, String> metadata = bucket.metadata(castKey);
        assertThat(metadata).containsEntry("session-id", Long.toString(id)).containsEntry("protocol", "SSH")
                .containsKeys("user", "group", "asset", "host", "start", "end", "duration", "sha256");
        if (tagging) {
            assertThat(bucket.tags(videoKey)).containsEntry("session-id", Long.toString(id))
                    .containsEntry("user", "crash-operator");
            assertThat(recording.get("tagsApplied").asBoolean()).isTrue();
        } else {
            assertThat(recording.get("tagsApplied").asBoolean()).isFalse();
        }
        Path cast = bucket.download(castKey, dir.resolve("downloaded-" + id + ".cast"));
        assertThat(sha256(cast)).isEqualTo(recording.get("castSha256").asString());
        String text = Files.readString(cast, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        assertThat(text.lines().skip(1).toList()).as("every line after the header is a whole event")
                .allSatisfy(line -> assertThat(line).startsWith("[").endsWith("]"));
        return text;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static boolean awaitFile(Path file, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
