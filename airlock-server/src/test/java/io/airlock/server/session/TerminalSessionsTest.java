package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.asset.AssetRepository;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import io.airlock.server.support.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sessions through the gateway's WebSocket tunnel to the real OpenSSH and telnet peers. */
@Tag("peers")
class TerminalSessionsTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestPeers PEERS = TestPeers.load();

    @Autowired
    SessionRecordRepository records;

    @Autowired
    AssetRepository assets;

    @Autowired
    RecordingStore store;

    @Test
    void userRunsACommandOverSshResizesAndClosesAndTheHistoryShowsIt() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);

        long id;
        try (var terminal = open(setup, 80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo gateway-$((6*7)) cols=$(tput cols)\n");
            terminal.awaitOutput("gateway-42 cols=80", WAIT);
            terminal.resize(132, 40);
            terminal.type("echo cols=$(tput cols) lines=$(tput lines)\n");
            terminal.awaitOutput("cols=132 lines=40", WAIT);
        } // closing the socket is closing the window

        var record = awaitEnded(id);
        assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
        assertThat(record.username()).isEqualTo(setup.username());
        assertThat(record.assetName()).isEqualTo(setup.assetName());
        assertThat(record.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(record.bytesToEquipment()).isPositive();
        assertThat(record.bytesFromEquipment()).isPositive();
    }

    @Test
    void telnetSignsInWithTheStoredCredentialsAndFollowsTheWindowSize() {
        var setup = setUp("TELNET", PEERS.telnetPort(), PEERS.password(), false);

        try (var terminal = open(setup, 100, 30)) {
            terminal.awaitNotice("ready", WAIT);
            terminal.awaitOutput("$ ", WAIT);
            terminal.type("echo telnet-$((40+2)) $(stty size)\r");
            terminal.awaitOutput("telnet-42 30 100", WAIT);
            terminal.resize(120, 33);
            terminal.type("echo now $(stty size)\r");
            terminal.awaitOutput("now 33 120", WAIT);
            assertThat(terminal.output()).doesNotContain(PEERS.password());
        }
    }

    @Test
    void wrongStoredPasswordEndsWithAClearReasonInTheWindowAndTheHistory() {
        var setup = setUp("SSH", PEERS.sshPort(), "not-the-password", false);

        try (var terminal = open(setup, 80, 24)) {
            var ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("refused the stored credentials");
            assertThat(terminal.awaitClosed(WAIT)).isTrue();
        }
        var record = latestFor(setup.username());
        assertThat(record.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(record.endDetail()).contains("refused the stored credentials");
    }

    @Test
    void unreachableEquipmentEndsWithAClearReason() {
        var setup = setUp("SSH", 1, PEERS.password(), false);

        try (var terminal = open(setup, 80, 24)) {
            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString()).contains("could not be reached");
        }
        assertThat(latestFor(setup.username()).endDetail()).contains("could not be reached");
    }

    @Test
    void changedHostKeyIsRefusedAndWaitsForReview() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        assets.pinHostKey(setup.methodId(), "SHA256:a-key-the-equipment-does-not-have");

        try (var terminal = open(setup, 80, 24)) {
            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString())
                    .contains("different SSH host key").contains("review");
        }
        var method = assets.findMethod(setup.methodId()).orElseThrow();
        assertThat(method.hostKeyPending()).startsWith("SHA256:");
        assertThat(latestFor(setup.username()).endDetail()).contains("different SSH host key");
    }

    @Test
    void ticketWorksOnceAndOnlyForItsUserAndIsRefusedAtTheHandshake() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        var user = setup.client();
        String ticket = launch(setup);
        var other = newSignedInUser(uniqueName("thief"), "USER");

        assertThat(handshakeStatus(other, "/ws/terminal?ticket=" + ticket)).as("foreign").isEqualTo(403);
        assertThat(handshakeStatus(user, "/ws/terminal?ticket=" + ticket)).as("burnt by the foreign try")
                .isEqualTo(403);
        String fresh = launch(setup);
        try (var terminal = user.openSocket("/ws/terminal?ticket=" + fresh, user.origin())) {
            terminal.awaitNotice("ready", WAIT);
        }
        assertThat(handshakeStatus(user, "/ws/terminal?ticket=" + fresh)).as("reused").isEqualTo(403);
        assertThat(handshakeStatus(user, "/ws/terminal?ticket=no-such-ticket")).as("unknown").isEqualTo(403);
        assertThat(handshakeStatus(user, "/ws/terminal")).as("missing").isEqualTo(403);
        assertThat(handshakeStatus(user, "/ws/monitor?ticket=" + launch(setup))).as("a launch ticket is no monitor "
                + "ticket").isEqualTo(403);
        assertThat(handshakeStatus(client(), "/ws/terminal?ticket=" + launch(setup))).as("not signed in")
                .isIn(401, 403);
    }

    private static int handshakeStatus(GatewayClient client, String path) {
        try (var socket = client.openSocket(path, client.origin())) {
            return socket.isClosed() ? 0 : 101;
        } catch (TerminalSocket.HandshakeRefused refused) {
            return refused.status();
        }
    }

    @Test
    void handshakeFromAnotherSiteIsRefused() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        String ticket = launch(setup);

        assertThatThrownBy(() -> setup.client().openSocket("/ws/terminal?ticket=" + ticket, "https://evil.example"))
                .isInstanceOf(TerminalSocket.HandshakeRefused.class);
    }

    @Test
    void forgedLaunchForAGroupTheUserIsNotInIsRefused() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        var outsider = newSignedInUser(uniqueName("outsider"), "USER");

        var reply = outsider.post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("not a member");
    }

    @Test
    void adminSeesLiveSessionMonitorsItAndTerminatesIt() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        var admin = signedInAdmin();

        try (var terminal = open(setup, 80, 24)) {
            long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var live = Json.parse(admin.get("/api/sessions/live").body());
            assertThat(live.toString()).contains("\"id\":" + id).contains(setup.username());

            String monitorTicket = Json.parse(admin.post("/api/sessions/" + id + "/monitor", "").body())
                    .get("ticket").asString();
            try (var monitor = admin.openSocket("/ws/monitor?ticket=" + monitorTicket, admin.origin())) {
                var size = monitor.awaitNotice("ready", WAIT);
                assertThat(size.get("cols").asInt()).isEqualTo(80);
                assertThat(size.get("rows").asInt()).isEqualTo(24);
                terminal.resize(100, 30);
                assertThat(monitor.awaitNotice("resize", WAIT).get("cols").asInt()).isEqualTo(100);
                monitor.type("echo typed-by-monitor\n");
                terminal.type("echo watched-$((1+1))\n");
                monitor.awaitOutput("watched-2", WAIT);
                assertThat(terminal.output()).doesNotContain("typed-by-monitor");

                assertThat(admin.post("/api/sessions/" + id + "/terminate", "").status()).isEqualTo(204);
                var ended = terminal.awaitNotice("ended", WAIT);
                assertThat(ended.get("reason").asString()).isEqualTo("TERMINATED_BY_ADMIN");
                assertThat(ended.get("message").asString()).contains("terminated by an administrator");
            }
            var record = awaitEnded(id);
            assertThat(record.endReason()).isEqualTo(EndReason.TERMINATED_BY_ADMIN);
            assertThat(record.endedBy()).isEqualTo("admin");
        }
    }

    @Test
    void enforcedRecordingWithoutAnActiveIntegrationRefusesToLaunch() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), true);
        var admin = signedInAdmin();
        long active = Json.parse(admin.get("/api/integrations").body()).valueStream()
                .filter(i -> i.get("active").asBoolean()).findFirst().orElseThrow().get("id").asLong();
        assertThat(admin.post("/api/integrations/" + active + "/deactivate", "").status()).isEqualTo(200);
        try {
            var reply = setup.client().post("/api/sessions/launch",
                    Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body()).contains("no storage integration is active");
        } finally {
            admin.post("/api/integrations/" + active + "/check", "");
            assertThat(admin.post("/api/integrations/" + active + "/activate", "").status()).isEqualTo(200);
        }
    }

    @Test
    void disablingTheAccountEndsItsOpenSessions() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        var admin = signedInAdmin();

        try (var terminal = open(setup, 80, 24)) {
            long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            long userId = records.find(id).orElseThrow().userId();

            assertThat(admin.patch("/api/users/" + userId, Json.object("enabled", false)).status()).isEqualTo(200);

            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString()).contains("disabled this account");
            assertThat(awaitEnded(id).endReason()).isEqualTo(EndReason.TERMINATED_BY_ADMIN);
        }
    }

    @Test
    void recordedSessionReachesTheBucketAsVerifiedMp4AndCastAndTurnsRecorded() throws Exception {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), true);

        long id;
        try (var terminal = open(setup, 80, 24)) {
            var ready = terminal.awaitNotice("ready", WAIT);
            assertThat(ready.get("recorded").asBoolean()).isTrue();
            id = ready.get("sessionId").asLong();
            terminal.type("echo recorded-$((3*3))\n");
            terminal.awaitOutput("recorded-9", WAIT);
            // The live encoder is busy for as long as output is dense: on a virtual thread it would hold one
            // of the few carriers every session shares. Platform threads are the ones this lists.
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .contains("live-video-" + id);
        }
        var record = awaitRecording(id, RecordingStatus.READY);
        var history = Json.parse(signedInAdmin().get("/api/sessions?recordedOnly=true&size=200").body()).get("items");
        assertThat(history.valueStream().filter(r -> r.get("id").asLong() == id).findFirst().orElseThrow()
                .get("recorded").asBoolean()).isTrue();

        var audit = Json.parse(signedInAdmin().get("/api/sessions/" + id).body()).get("recording");
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(java.time.ZoneOffset.UTC)
                .format(record.startedAt());
        String videoKey = audit.get("videoKey").asString();
        assertThat(videoKey).isEqualTo("recordings/" + day + "/" + id + ".mp4");
        assertThat(audit.get("castKey").asString()).isEqualTo("recordings/" + day + "/" + id + ".cast");
        var head = store.head(videoKey).orElseThrow();
        assertThat(head.sha256()).isEqualTo(audit.get("videoSha256").asString());
        assertThat(head.metadata()).containsEntry("session-id", Long.toString(id))
                .containsEntry("user", setup.username()).containsEntry("asset", setup.assetName())
                .containsEntry("protocol", "SSH").containsKeys("group", "host", "start", "end", "duration");
        Path video = Files.createTempFile("recorded-", ".mp4");
        try (var in = store.getRange(videoKey, 0, head.size() - 1)) {
            Files.copy(in, video, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(sha256(video)).isEqualTo(head.sha256());
        assertThat(VideoProbe.stream(video)).containsEntry("codec_name", "h264").containsEntry("width", "640")
                .containsEntry("height", "480").containsEntry("pix_fmt", "yuv420p").containsEntry("r_frame_rate", "25/1");
        var cast = store.head(audit.get("castKey").asString()).orElseThrow();
        try (var in = store.getRange(cast.key(), 0, cast.size() - 1)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("{\"version\":2,\"width\":80,\"height\":24").contains("recorded-9");
        }
        // The spool lets go only after the bucket holds the same bytes.
        assertThat(dataDir().resolve("spool").resolve("session-" + id + ".cast")).doesNotExist();
        assertThat(dataDir().resolve("spool").resolve("session-" + id + ".mp4")).doesNotExist();
        // The video was encoded while the session ran, completed as the session ended.
        assertThat(audit.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("STARTED", "TRANSCODED", "ENDED", "UPLOADED", "METADATA_ONLY", "READY");
        assertThat(audit.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("TRANSCODED"))
                .findFirst().orElseThrow().get("detail").asString()).startsWith("Encoded while the session ran");
        Files.delete(video);
    }

    @Test
    void sessionFromAGroupWithoutRecordingLeavesNothingToStore() {
        var setup = setUp("SSH", PEERS.sshPort(), PEERS.password(), false);
        long id;
        try (var terminal = open(setup, 80, 24)) {
            var ready = terminal.awaitNotice("ready", WAIT);
            assertThat(ready.get("recorded").asBoolean()).isFalse();
            id = ready.get("sessionId").asLong();
        }
        awaitEnded(id);
        assertThat(records.find(id).orElseThrow().recordingStatus()).isEqualTo(RecordingStatus.NONE);
        assertThat(dataDir().resolve("spool").resolve("session-" + id + ".cast")).doesNotExist();
    }

    private SessionRecord awaitRecording(long id, RecordingStatus wanted) {
        SessionRecord record = RecordingStatusWait.until(records, id, wanted, WAIT);
        assertThat(record.recordingStatus()).as(record.recordingDetail()).isEqualTo(wanted);
        return record;
    }

    private static String sha256(Path file) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }

    // ---------------------------------------------------------------------------------------------

    record Setup(GatewayClient client, String username, long groupId, long methodId, String assetName) {
    }

    private Setup setUp(String protocol, int port, String password, boolean enforceRecording) {
        var admin = signedInAdmin();
        String assetName = uniqueName("equipment");
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", assetName, "host", PEERS.host()))
                .body()).get("id").asLong();
        long method = Json.parse(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", protocol,
                "port", port, "username", PEERS.user(), "password", password)).body()).get("id").asLong();
        String username = uniqueName("operator");
        var client = newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        var group = admin.post("/api/groups", Json.write(Map.of("name", uniqueName("group"), "enforceRecording",
                enforceRecording, "memberIds", List.of(userId), "methodIds", List.of(method))));
        return new Setup(client, username, Json.parse(group.body()).get("id").asLong(), method, assetName);
    }

    private static String launch(Setup setup) {
        var reply = setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.parse(reply.body()).get("ticket").asString();
    }

    private static TerminalSocket open(Setup setup, int columns, int rows) {
        return setup.client().openSocket("/ws/terminal?ticket=" + launch(setup) + "&cols=" + columns + "&rows=" + rows,
                setup.client().origin());
    }

    private SessionRecord awaitEnded(long id) {
        for (int i = 0; i < 200; i++) {
            var record = records.find(id).orElseThrow();
            if (record.endedAt() != null) {
                return record;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("session " + id + " did not end");
    }

    private SessionRecord latestFor(String username) {
        return records.recent(500).stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }
}
