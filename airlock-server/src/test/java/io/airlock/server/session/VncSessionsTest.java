package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbSocket;
import io.airlock.server.support.TerminalSocket;
import io.airlock.server.support.VideoProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * VNC sessions relayed through the gateway's WebSocket tunnel to the real TigerVNC peer, with a small RFB
 * client (airlock-rfb's handshake and decoders) in the place of the session window.
 */
@Tag("peers")
class VncSessionsTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestPeers PEERS = TestPeers.load();
    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;

    @Autowired
    SessionRecordRepository records;

    @Autowired
    RecordingStore store;

    @Test
    void theWindowSeesTheDesktopWithoutThePasswordAndItsInputReachesTheEquipment() throws Exception {
        var setup = setUp(PEERS.vncPort(), PEERS.vncPassword(), false);
        long id;
        try (var window = open(setup)) {
            id = window.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var in = new RfbSocket.Input(window, WAIT, true);
            var out = new RfbSocket.Output(window);
            // The gateway offers security type None: the window signs in without any password.
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            assertThat(init.width()).isEqualTo(640);
            assertThat(init.height()).isEqualTo(480);
            // An encoding the recording cannot decode (QEMU extended key events) is taken out on the way.
            out.write(ClientMessages.setEncodings(List.of(-258, Encodings.ZRLE, Encodings.RAW)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()));
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);

            // The xterm at +16+16 shows its known text: black letters on white inside, the root window around it.
            int[] pixels = reader.framebuffer().pixels();
            int inside = 0;
            int letters = 0;
            for (int y = 20; y < 60; y++) {
                for (int x = 20; x < 200; x++) {
                    int pixel = pixels[y * init.width() + x] & 0xffffff;
                    inside += pixel == WHITE ? 1 : 0;
                    letters += pixel == BLACK ? 1 : 0;
                }
            }
            assertThat(inside).as("xterm background").isGreaterThan(2000);
            assertThat(letters).as("text pixels").isGreaterThan(100);
            assertThat(pixels[(init.height() - 2) * init.width() + init.width() - 2] & 0xffffff).as("root window")
                    .isNotEqualTo(WHITE);

            // A key press and release and a pointer move, cut in the middle: the equipment gets whole messages.
            byte[] input = {4, 1, 0, 0, 0, 0, 0, 'x', 4, 0, 0, 0, 0, 0, 0, 'x', 5, 0, 0, 30, 0, 30};
            window.sendBinary(java.util.Arrays.copyOfRange(input, 0, 5));
            window.sendBinary(java.util.Arrays.copyOfRange(input, 5, input.length));
            // A full request, answered even when nothing changed: the relay still carries both ways.
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);
            assertThat(new String(in.received(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(PEERS.vncPassword());
        } // closing the socket is closing the window

        var record = awaitEnded(id);
        assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
        // counted as the window sent them: handshake 12 + 1 + 1, SetEncodings 16, requests 10 + 10, keys, pointer
        assertThat(record.bytesToEquipment()).isEqualTo(12 + 1 + 1 + 16 + 10 + 8 + 8 + 6 + 10);
        assertThat(record.bytesFromEquipment()).isPositive();
    }

    @Test
    void wrongVncPasswordEndsWithAClearReasonInTheWindowAndTheHistory() {
        var setup = setUp(PEERS.vncPort(), "wrongpw1", false);
        try (var window = open(setup)) {
            var ended = window.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("refused the stored credentials");
        }
        var record = latestFor(setup.username());
        assertThat(record.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(record.endDetail()).contains("VNC server").contains("refused the stored credentials");
    }

    @Test
    void unreachableVncServerEndsWithAClearReason() {
        var setup = setUp(1, PEERS.vncPassword(), false);
        try (var window = open(setup)) {
            assertThat(window.awaitNotice("ended", WAIT).get("message").asString()).contains("could not be reached");
        }
        assertThat(latestFor(setup.username()).endDetail()).contains("could not be reached");
    }

    @Test
    void desktopFromAGroupThatEnforcesRecordingReachesTheBucketAsMp4AndFbsShowingTheScreen() throws Exception {
        var setup = setUp(PEERS.vncPort(), PEERS.vncPassword(), true);
        // The window chooses its own pixel format, as noVNC does: 16 bits here, not the equipment's own.
        var chosen = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
        long id;
        int[] seen;
        try (var window = open(setup)) {
            var ready = window.awaitNotice("ready", WAIT);
            assertThat(ready.get("recorded").asBoolean()).isTrue();
            id = ready.get("sessionId").asLong();
            var in = new RfbSocket.Input(window, WAIT, false);
            var out = new RfbSocket.Output(window);
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            assertThat(init.pixelFormat()).isNotEqualTo(chosen);
            out.write(ClientMessages.setPixelFormat(chosen));
            out.write(ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.RAW)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(chosen));
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);
            seen = reader.framebuffer().pixels().clone();
            Thread.sleep(1500); // a session that lasts a moment, so its video has frames to look at
        }

        var record = RecordingStatusWait.until(records, id, RecordingStatus.READY, Duration.ofSeconds(180));
        assertThat(record.recordingStatus()).as(record.recordingDetail()).isEqualTo(RecordingStatus.READY);
        var admin = signedInAdmin();
        var history = Json.parse(admin.get("/api/sessions?recordedOnly=true&size=200").body()).get("items");
        assertThat(history.valueStream().filter(r -> r.get("id").asLong() == id).findFirst().orElseThrow()
                .get("recorded").asBoolean()).as("Recorded").isTrue();

        var audit = Json.parse(admin.get("/api/sessions/" + id).body()).get("recording");
        String stem = "recordings/" + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .withZone(java.time.ZoneOffset.UTC).format(record.startedAt()) + "/" + id;
        assertThat(audit.get("videoKey").asString()).isEqualTo(stem + ".mp4");
        assertThat(audit.get("castKey").asString()).isEqualTo(stem + ".fbs");
        var fbs = store.head(stem + ".fbs").orElseThrow();
        assertThat(fbs.sha256()).isEqualTo(audit.get("castSha256").asString());
        assertThat(fbs.metadata()).containsEntry("protocol", "VNC").containsEntry("session-id", Long.toString(id));
        byte[] raw;
        try (var body = store.getRange(fbs.key(), 0, fbs.size() - 1)) {
            raw = body.readAllBytes();
        }
        assertThat(new String(raw, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("FBS 001.000\n");
        assertThat(new String(raw, 16, 12, StandardCharsets.US_ASCII)).as("the preamble").isEqualTo("RFB 003.003\n");
        assertThat(java.util.Arrays.copyOfRange(raw, (int) FbsWriter.PIXEL_FORMAT_OFFSET,
                (int) FbsWriter.PIXEL_FORMAT_OFFSET + PixelFormat.WIRE_LENGTH)).as("the preamble's pixel format")
                .isEqualTo(chosen.toBytes());
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(PEERS.vncPassword());

        var video = store.head(stem + ".mp4").orElseThrow();
        Path file = Files.createTempFile("desktop-", ".mp4");
        try {
            try (var body = store.getRange(video.key(), 0, video.size() - 1)) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(VideoProbe.stream(file)).containsEntry("codec_name", "h264").containsEntry("width", "640")
                    .containsEntry("height", "480").containsEntry("pix_fmt", "yuv420p");
            // The 640x480 desktop fills the frame one to one: the xterm's white and the root window are where
            // the window saw them.
            int[] frame = VideoProbe.frameBeforeEnd(file, 0.5, 640, 480);
            int white = 0;
            int whiteInVideo = 0;
            long error = 0;
            for (int i = 0; i < frame.length; i++) {
                int expected = seen[i] & 0xffffff;
                error += distance(expected, frame[i]);
                if (expected == WHITE) {
                    white++;
                    whiteInVideo += distance(WHITE, frame[i]) <= 3 * 40 ? 1 : 0;
                }
            }
            assertThat(white).as("white pixels of the xterm on the screen").isGreaterThan(2000);
            assertThat(whiteInVideo).as("of those, white in the video").isGreaterThan(white * 9 / 10);
            int corner = (480 - 2) * 640 + 640 - 2;
            assertThat(distance(seen[corner] & 0xffffff, frame[corner])).as("root window colour")
                    .isLessThanOrEqualTo(3 * 40);
            assertThat(error / (double) frame.length).as("mean difference per pixel (sum of three channels)")
                    .isLessThan(3 * 12.0);
        } finally {
            Files.delete(file);
        }
        assertThat(dataDir().resolve("spool").resolve("session-" + id + ".fbs")).doesNotExist();
        assertThat(dataDir().resolve("spool").resolve("session-" + id + ".mp4")).doesNotExist();
    }

    /** Sum of the three channels' absolute differences. */
    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    // ---------------------------------------------------------------------------------------------

    record Setup(GatewayClient client, String username, long groupId, long methodId) {
    }

    private Setup setUp(int port, String password, boolean enforceRecording) {
        var admin = signedInAdmin();
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("desktop"), "host",
                PEERS.host())).body()).get("id").asLong();
        var created = admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "VNC", "port", port,
                "password", password));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        long method = Json.parse(created.body()).get("id").asLong();
        String username = uniqueName("operator");
        var client = newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        var group = admin.post("/api/groups", Json.write(Map.of("name", uniqueName("group"), "enforceRecording",
                enforceRecording, "memberIds", List.of(userId), "methodIds", List.of(method))));
        return new Setup(client, username, Json.parse(group.body()).get("id").asLong(), method);
    }

    private static TerminalSocket open(Setup setup) {
        var reply = setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String ticket = Json.parse(reply.body()).get("ticket").asString();
        return setup.client().openSocket("/ws/terminal?ticket=" + ticket, setup.client().origin());
    }

    private SessionRecord awaitEnded(long id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
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
