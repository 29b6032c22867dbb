package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbClient;
import io.airlock.server.support.TerminalSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monitors of VNC sessions, and the window's resizing of the desktop, against real TigerVNC servers: the
 * shared peer where the desktop is only looked at, a private {@code Xvnc} where it changes. The session window
 * and the monitor are small RFB clients (airlock-rfb) on the gateway's WebSockets.
 */
@Tag("peers")
class VncMonitorTest extends VncGatewayTest {

    /** What noVNC asks for: 32-bit true colour, red in the lowest byte. */
    private static final PixelFormat NOVNC = new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16);
    private static final int SET_DESKTOP_SIZE = 251;

    @Test
    void aMonitorJoiningMidSessionSeesTheCurrentScreenItsInputNeverReachesTheEquipmentAndTerminateEndsBoth() throws Exception {
        var setup = setUp(PEERS.vncPort(), storedPassword(PEERS.vncPassword()));
        var admin = signedInAdmin();
        long id;
        try (var socket = open(setup)) {
            id = socket.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var window = RfbClient.connect(socket, null, List.of(Encodings.ZRLE, Encodings.RAW));
            window.request(false);
            window.awaitUpdate();
            window.request(true); // the session goes on; the equipment answers when something changes

            try (var monitorSocket = monitor(admin, id)) {
                var ready = monitorSocket.awaitNotice("ready", WAIT);
                assertThat(ready.get("protocol").asString()).isEqualTo("VNC");
                assertThat(ready.get("username").asString()).isEqualTo(setup.username());
                var monitor = RfbClient.connect(monitorSocket, NOVNC, List.of(Encodings.RAW, Encodings.EXTENDED_DESKTOP_SIZE));
                assertThat(monitor.init().width()).isEqualTo(window.init().width());
                assertThat(monitor.init().height()).isEqualTo(window.init().height());
                monitor.request(false);
                monitor.awaitUpdate();

                // The monitor's screen is the window's, pixel for pixel, though it joined late and asked for
                // another pixel format.
                assertThat(monitor.screen().pixels()).isEqualTo(window.screen().pixels());

                // Keys, a click and a resize from the monitor go nowhere.
                monitor.send(new byte[] {4, 1, 0, 0, 0, 0, 0, 'q', 4, 0, 0, 0, 0, 0, 0, 'q', 5, 1, 0, 40, 0, 40});
                monitor.send(setDesktopSize(320, 200));
                monitor.request(false);
                monitor.awaitUpdate();
                assertThat(monitor.screen().width()).isEqualTo(window.init().width());

                // Terminate ends the session for its window and its monitor alike.
                assertThat(admin.post("/api/sessions/" + id + "/terminate", "").status()).isEqualTo(204);
                assertThat(socket.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("TERMINATED_BY_ADMIN");
                assertThat(monitorSocket.awaitNotice("ended", WAIT).get("reason").asString())
                        .isEqualTo("TERMINATED_BY_ADMIN");
            }
        }
        var record = awaitEnded(id);
        assertThat(record.endReason()).isEqualTo(EndReason.TERMINATED_BY_ADMIN);
        // handshake 12 + 1 + 1, SetEncodings 12, two requests: nothing of the monitor's
        assertThat(record.bytesToEquipment()).isEqualTo(12 + 1 + 1 + 12 + 10 + 10);
    }

    @Test
    void aMonitorThatStopsReadingNeverSlowsTheSession() throws Exception {
        var setup = setUp(PEERS.vncPort(), storedPassword(PEERS.vncPassword()));
        var admin = signedInAdmin();
        try (var socket = open(setup)) {
            long id = socket.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var window = RfbClient.connect(socket, null, List.of(Encodings.RAW));
            window.request(false);
            window.awaitUpdate();
            try (var monitorSocket = monitor(admin, id)) {
                monitorSocket.awaitNotice("ready", WAIT);
                var monitor = RfbClient.connect(monitorSocket, NOVNC, List.of(Encodings.RAW));
                monitor.request(false);
                monitor.awaitUpdate();
                monitorSocket.holdOutput();
                for (int i = 0; i < 200; i++) {
                    monitor.request(false);
                }
                // Each full screen in Raw is over a megabyte through the gateway's decoder; the monitor takes none.
                long started = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    window.request(false);
                    window.awaitUpdate();
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("20 full screens with a stalled monitor").isLessThan(Duration.ofSeconds(15));
                assertThat(socket.isClosed()).isFalse();
                monitorSocket.releaseOutput();
            }
        }
    }

    @Test
    void aMonitorFollowsTheChangingScreenAndTheWindowResizesTheDesktop() throws Exception {
        String password = "pw-" + Long.toHexString(System.nanoTime()).substring(0, 5);
        try (var desktop = PrivateDesktop.start(640, 480, password)) {
            var setup = setUp(desktop.port(), storedPassword(password));
            var admin = signedInAdmin();
            try (var socket = open(setup)) {
                long id = socket.awaitNotice("ready", WAIT).get("sessionId").asLong();
                var window = RfbClient.connect(socket, NOVNC, List.of(Encodings.ZRLE, Encodings.RAW,
                        Encodings.EXTENDED_DESKTOP_SIZE, Encodings.DESKTOP_SIZE));
                window.request(false);
                window.awaitScreen(s -> s.pixels()[0] == 0x000000);
                try (var monitorSocket = monitor(admin, id)) {
                    monitorSocket.awaitNotice("ready", WAIT);
                    var monitor = RfbClient.connect(monitorSocket, NOVNC, List.of(Encodings.RAW, Encodings.DESKTOP_SIZE));
                    monitor.request(false);
                    monitor.awaitScreen(s -> s.width() == 640 && s.pixels()[0] == 0x000000);

                    // What the equipment draws for the window reaches the monitor as damage.
                    desktop.paintRoot(0x2050e0);
                    window.awaitScreen(s -> s.pixels()[s.width() * s.height() - 1] == 0x2050e0);
                    monitor.awaitScreen(s -> s.pixels()[s.width() * s.height() - 1] == 0x2050e0);

                    // The window asks for another size; the server takes it, and the monitor follows.
                    window.send(setDesktopSize(800, 600));
                    window.awaitScreen(s -> s.width() == 800 && s.height() == 600);
                    window.awaitScreen(s -> s.pixels()[800 * 600 - 1] == 0x2050e0);
                    monitor.awaitScreen(s -> s.width() == 800 && s.height() == 600
                            && s.pixels()[800 * 600 - 1] == 0x2050e0);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static byte[] setDesktopSize(int width, int height) {
        return ByteBuffer.allocate(24).put((byte) SET_DESKTOP_SIZE).put((byte) 0).putShort((short) width)
                .putShort((short) height).put((byte) 1).put((byte) 0)
                .putInt(0).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .putInt(0).array();
    }

    private static TerminalSocket monitor(GatewayClient admin, long sessionId) {
        var reply = admin.post("/api/sessions/" + sessionId + "/monitor", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return admin.openSocket("/ws/monitor?ticket=" + Json.parse(reply.body()).get("ticket").asString(),
                admin.origin());
    }
}
