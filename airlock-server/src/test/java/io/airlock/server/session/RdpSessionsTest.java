package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.asset.AssetRepository;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.EquipmentSetup.Setup;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbSocket;
import io.airlock.server.support.TerminalSocket;
import io.airlock.server.support.VideoProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RDP sessions through the gateway's WebSocket tunnel to the real FreeRDP shadow server: the window gets an
 * RFB stream, the history and the pinned certificate say what happened, and a recorded one reaches the
 * bucket as a video of the remote screen.
 */
@Tag("peers")
class RdpSessionsTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final TestPeers PEERS = TestPeers.load();

    @Autowired
    SessionRecordRepository records;
    @Autowired
    AssetRepository assets;
    @Autowired
    RecordingStore store;

    @Test
    void theWindowGetsTheDesktopAndTheCertificateIsPinnedOnFirstUse() {
        var setup = setUp(PEERS.rdpPort(), PEERS.password(), false);
        long id;
        try (var window = open(setup, "&width=900&height=700")) {
            id = window.awaitNotice("ready", WAIT).get("sessionId").asLong();
            assertThat(awaitBytes(window, 12)).isEqualTo("RFB 003.008\n");
        }
        var record = awaitEnded(id);
        assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
        assertThat(assets.findMethod(setup.methodId()).orElseThrow().hostKeyFingerprint()).startsWith("sha256:");
    }

    @Test
    void wrongRdpPasswordEndsWithAClearReasonInTheWindowAndTheHistory() {
        var setup = setUp(PEERS.rdpPort(), "not-the-rdp-password", false);
        try (var window = open(setup, "")) {
            assertThat(window.awaitNotice("ended", WAIT).get("message").asString())
                    .contains("RDP server").contains("refused the stored credentials");
        }
        var record = latestFor(setup.username());
        assertThat(record.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(record.endDetail()).contains("refused the stored credentials").doesNotContain("not-the-rdp");
    }

    @Test
    void unreachableRdpServerEndsWithAClearReason() {
        var setup = setUp(1, PEERS.password(), false);
        try (var window = open(setup, "")) {
            assertThat(window.awaitNotice("ended", WAIT).get("message").asString()).contains("could not be reached");
        }
        assertThat(latestFor(setup.username()).endDetail()).contains("could not be reached");
    }

    @Test
    void aChangedCertificateIsRefusedWithBothFingerprintsForAnAdminToReview() {
        var setup = setUp(PEERS.rdpPort(), PEERS.password(), false);
        String other = "sha256:" + "ab:".repeat(31) + "ab";
        assets.pinHostKey(setup.methodId(), other);
        try (var window = open(setup, "")) {
            assertThat(window.awaitNotice("ended", WAIT).get("message").asString())
                    .contains("presented a different certificate").contains(other);
        }
        var method = assets.findMethod(setup.methodId()).orElseThrow();
        assertThat(method.hostKeyFingerprint()).isEqualTo(other);
        assertThat(method.hostKeyPending()).startsWith("sha256:").isNotEqualTo(other);
        assertThat(latestFor(setup.username()).endDetail()).contains(other).contains(method.hostKeyPending());
    }

    @Test
    void aDesktopFromAGroupThatEnforcesRecordingReachesTheBucketAndItsVideoShowsTheRemoteScreen() throws Exception {
        var setup = setUp(PEERS.rdpPort(), PEERS.password(), true);
        long id;
        int[] seen;
        int width;
        int height;
        try (var window = open(setup, "&width=1024&height=768")) {
            var ready = window.awaitNotice("ready", WAIT);
            assertThat(ready.get("recorded").asBoolean()).isTrue();
            id = ready.get("sessionId").asLong();
            var in = new RfbSocket.Input(window, WAIT, false);
            var out = new RfbSocket.Output(window);
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            width = init.width();
            height = init.height();
            out.write(ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.RAW)));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()));
            // The remote desktop arrives a moment after the sign-in: frames until the peer's red shows.
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean incremental = false;
            do {
                out.write(ClientMessages.framebufferUpdateRequest(incremental, 0, 0, width, height));
                out.flush();
                incremental = true;
                assertThat(reader.next()).as("a frame").isPresent();
            } while (!isRed(reader.framebuffer().pixels()[100 * width + 100]) && System.nanoTime() < deadline);
            seen = reader.framebuffer().pixels().clone();
            assertThat(isRed(seen[100 * width + 100])).as("the peer's red at 100,100").isTrue();
            Thread.sleep(1500); // a session that lasts a moment, so its video has frames to look at
        }

        var record = RecordingStatusWait.until(records, id, RecordingStatus.READY, Duration.ofSeconds(180));
        assertThat(record.recordingStatus()).as(record.recordingDetail()).isEqualTo(RecordingStatus.READY);
        assertThat(record.recordingStatus().recorded()).as("Recorded").isTrue();
        var audit = Json.parse(signedInAdmin().get("/api/sessions/" + id).body()).get("recording");
        assertThat(audit.get("castKey").asString()).endsWith("/" + id + ".fbs");
        var fbs = store.head(audit.get("castKey").asString()).orElseThrow();
        assertThat(fbs.metadata()).containsEntry("protocol", "RDP");
        try (var body = store.getRange(fbs.key(), 0, fbs.size() - 1)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("FBS 001.000\n")
                    .doesNotContain(PEERS.password());
        }
        var video = store.head(audit.get("videoKey").asString()).orElseThrow();
        Path file = Files.createTempFile("rdp-", ".mp4");
        try {
            try (var body = store.getRange(video.key(), 0, video.size() - 1)) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // 1024x768 fills the 640x480 frame at 5:8: each pixel of the video shows the screen around it.
            int[] frame = VideoProbe.frameBeforeEnd(file, 0.5, 640, 480);
            int red = 0;
            int redInVideo = 0;
            for (int y = 0; y < 480; y++) {
                for (int x = 0; x < 640; x++) {
                    int expected = seen[(y * height / 480) * width + x * width / 640];
                    if (isRed(expected) && isRed(seen[Math.min(height - 1, y * height / 480 + 2) * width
                            + Math.min(width - 1, x * width / 640 + 2)])) {
                        red++;
                        redInVideo += isRedInVideo(frame[y * 640 + x]) ? 1 : 0;
                    }
                }
            }
            assertThat(red).as("red pixels of the remote screen").isGreaterThan(10_000);
            assertThat(redInVideo).as("of those, red in the video").isGreaterThan(red * 9 / 10);
        } finally {
            Files.delete(file);
        }
    }

    /** The peer's red as FreeRDP passes it on (slightly off). */
    private static boolean isRed(int pixel) {
        return (pixel >> 16 & 0xff) > 230 && (pixel >> 8 & 0xff) < 30 && (pixel & 0xff) < 30;
    }

    /** Red after H.264 in yuv420p, which softens saturated colours. */
    private static boolean isRedInVideo(int pixel) {
        return (pixel >> 16 & 0xff) > 190 && (pixel >> 8 & 0xff) < 70 && (pixel & 0xff) < 70;
    }

    // ---------------------------------------------------------------------------------------------

    private Setup setUp(int port, String password, boolean enforceRecording) {
        return EquipmentSetup.rdp(signedInAdmin(), this.port, PEERS, uniqueName("rdp"), port, password,
                enforceRecording);
    }

    private static TerminalSocket open(Setup setup, String size) {
        var reply = setup.user().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String ticket = Json.parse(reply.body()).get("ticket").asString();
        return setup.user().openSocket("/ws/terminal?ticket=" + ticket + size, setup.user().origin());
    }

    private static String awaitBytes(TerminalSocket window, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (window.outputByteArray().length < count && System.nanoTime() < deadline) {
            sleep();
        }
        return new String(Arrays.copyOf(window.outputByteArray(), count), StandardCharsets.ISO_8859_1);
    }

    private SessionRecord awaitEnded(long id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var record = records.find(id).orElseThrow();
            if (record.endedAt() != null) {
                return record;
            }
            sleep();
        }
        throw new AssertionError("session " + id + " did not end");
    }

    private SessionRecord latestFor(String username) {
        return records.recent(500).stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
