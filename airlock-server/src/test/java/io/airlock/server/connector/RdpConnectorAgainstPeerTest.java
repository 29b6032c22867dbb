package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.asset.CredentialKind;
import io.airlock.server.peers.TestPeers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RDP connector against the real FreeRDP shadow server (NLA, its Xvfb screen painted solid red by the
 * peers script): an RFB client in the place of the session window sees the equipment's pixels.
 */
@Tag("peers")
class RdpConnectorAgainstPeerTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OTHER_CERTIFICATE = "sha256:" + "00:".repeat(31) + "00";

    @TempDir
    Path data;
    private RdpConnector rdp;

    @BeforeEach
    void connector() {
        rdp = new RdpConnector(data);
    }

    @AfterEach
    void stop() {
        rdp.destroy();
    }

    @Test
    void theWindowSeesTheEquipmentDesktopAndTheCertificateIsPinnedOnFirstUse() throws Exception {
        var pinned = new AtomicReference<String>();
        try (var connection = rdp.open(target(PEERS.password(), firstUse(pinned)), 1024, 768)) {
            ServerInit init = RfbHandshake.connect(connection.output(), toGateway(connection), Optional.empty(), true);
            assertThat(init.width()).isEqualTo(1024);
            assertThat(init.height()).isEqualTo(768);
            assertThat(awaitRed(connection, init, 100, 100)).as("the peer's red screen at 100,100").isTrue();
            for (ProcessHandle child : rdpProcesses()) {
                assertThat(child.info().arguments().map(List::of).orElse(List.of())).as("a command line")
                        .noneMatch(argument -> argument.contains(PEERS.password()));
            }
            assertThat(rdpProcesses()).hasSize(2);
        }
        assertThat(pinned.get()).matches("sha256:([0-9a-f]{2}:){31}[0-9a-f]{2}");
        assertThat(rdp.openDesktops()).isZero();
        awaitNoRdpProcesses();
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left).as("session directories").isEmpty();
        }

        // The pinned certificate is accepted the next time.
        try (var again = rdp.open(target(PEERS.password(), ConnectionTarget.HostKeyPolicy.pinnedTo(pinned.get(),
                fp -> false)), 800, 600)) {
            assertThat(RfbHandshake.connect(again.output(), toGateway(again), Optional.empty(), true).width())
                    .isEqualTo(800);
        }
    }

    @Test
    void wrongPasswordIsAuthFailedWithAClearMessage() {
        assertThatThrownBy(() -> rdp.open(target("not-the-password", fp -> true), 1024, 768))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("refused the stored credentials for user '" + PEERS.user())
                            .doesNotContain("not-the-password");
                });
        assertThat(rdp.openDesktops()).isZero();
        awaitNoRdpProcesses();
    }

    @Test
    void unreachableServerIsSaidSo() {
        var target = new ConnectionTarget(PEERS.host(), 1, PEERS.user(), CredentialKind.PASSWORD, PEERS.password(),
                fp -> true);
        assertThatThrownBy(() -> rdp.open(target, 1024, 768))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNREACHABLE);
                    assertThat(e.getMessage()).contains("could not be reached");
                });
        assertThat(rdpProcesses()).isEmpty();
    }

    @Test
    void aChangedCertificateIsRefusedWithBothFingerprintsAndKeptForReview() {
        var presented = new AtomicReference<String>();
        var policy = ConnectionTarget.HostKeyPolicy.pinnedTo(OTHER_CERTIFICATE, fp -> {
            presented.set(fp);
            return false;
        });
        assertThatThrownBy(() -> rdp.open(target(PEERS.password(), policy), 1024, 768))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains(OTHER_CERTIFICATE).contains(presented.get())
                            .contains("administrator must review");
                });
        assertThat(presented.get()).startsWith("sha256:").isNotEqualTo(OTHER_CERTIFICATE);
        assertThat(rdpProcesses()).as("nothing started before the certificate was checked").isEmpty();
    }

    @Test
    void aHundredSessionsLeaveNoProcessBehind() throws Exception {
        int before = rdpProcesses().size();
        // Four at a time, as users would: each Xvnc takes a free display of its own.
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Exception>();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 25; i++) {
                    try (var connection = rdp.open(target(PEERS.password(), fp -> true), 640, 480)) {
                        RfbHandshake.connect(connection.output(), toGateway(connection), Optional.empty(), true);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            assertThat(thread.join(Duration.ofMinutes(10))).as("25 sessions in 10 minutes").isTrue();
        }
        assertThat(failures).isEmpty();
        assertThat(rdp.openDesktops()).isZero();
        awaitNoRdpProcesses();
        assertThat(rdpProcesses()).hasSize(before);
    }

    @Test
    @Timeout(60)
    void theSessionEndsWhenTheRdpClientEnds() throws Exception {
        var connection = rdp.open(target(PEERS.password(), fp -> true), 640, 480);
        RfbHandshake.connect(connection.output(), toGateway(connection), Optional.empty(), true);
        rdpProcesses().stream().filter(p -> p.info().command().orElse("").endsWith("/xfreerdp"))
                .forEach(ProcessHandle::destroy);
        // The window reads the end of the stream, as when the equipment closes a VNC connection.
        assertThat(connection.output().readAllBytes()).isNotNull();
        awaitNoRdpProcesses();
        assertThat(rdp.openDesktops()).isZero();
        connection.close();
    }

    @Test
    @Timeout(60)
    void stoppingTheGatewayEndsEveryDesktop() throws Exception {
        var first = rdp.open(target(PEERS.password(), fp -> true), 640, 480);
        var second = rdp.open(target(PEERS.password(), fp -> true), 640, 480);
        assertThat(rdpProcesses()).hasSize(4);
        rdp.destroy();
        assertThat(rdp.openDesktops()).isZero();
        awaitNoRdpProcesses();
        // The windows' streams end: their sessions end too.
        assertThat(first.output().readAllBytes()).isNotNull();
        assertThat(second.output().readAllBytes()).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------

    private static ConnectionTarget target(String password, ConnectionTarget.HostKeyPolicy policy) {
        return new ConnectionTarget(PEERS.host(), PEERS.rdpPort(), PEERS.user(), CredentialKind.PASSWORD, password,
                policy);
    }

    private static ConnectionTarget.HostKeyPolicy firstUse(AtomicReference<String> pinned) {
        return fp -> {
            pinned.compareAndSet(null, fp);
            return fp.equals(pinned.get());
        };
    }

    /** The window's writes, as the session passes them to the connection. */
    private static OutputStream toGateway(RemoteConnection connection) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                connection.write(b, off, len);
            }
        };
    }

    /** Asks for frames until the pixel is the peer's red (FreeRDP's colours come back slightly off). */
    private static boolean awaitRed(RemoteConnection connection, ServerInit init, int x, int y) throws IOException {
        var out = toGateway(connection);
        out.write(ClientMessages.setEncodings(List.of(Encodings.RAW)));
        var reader = new ServerMessageReader(connection.output(), init.newFramebuffer(init.pixelFormat()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean incremental = false;
        while (System.nanoTime() < deadline) {
            out.write(ClientMessages.framebufferUpdateRequest(incremental, 0, 0, init.width(), init.height()));
            incremental = true;
            if (reader.next().isEmpty()) {
                return false;
            }
            int pixel = reader.framebuffer().pixels()[y * init.width() + x];
            int red = pixel >> 16 & 0xff;
            int green = pixel >> 8 & 0xff;
            int blue = pixel & 0xff;
            if (red > 230 && green < 30 && blue < 30) {
                return true;
            }
        }
        return false;
    }

    /** This JVM's Xvnc and xfreerdp processes, however deep. */
    static List<ProcessHandle> rdpProcesses() {
        var found = new ArrayList<ProcessHandle>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(p -> {
            String command = p.info().command().orElse("");
            // Debian's Xvnc is a link to Xtigervnc; stdbuf replaces itself with xfreerdp.
            if (command.endsWith("/Xvnc") || command.endsWith("/Xtigervnc") || command.endsWith("/xfreerdp")
                    || command.endsWith("/stdbuf")) {
                found.add(p);
            }
        });
        return found;
    }

    private static void awaitNoRdpProcesses() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!rdpProcesses().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(rdpProcesses()).as("Xvnc and xfreerdp processes left").isEmpty();
    }
}
