package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.peers.TestPeers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The SSH and Telnet connectors against the real OpenSSH and busybox telnetd peers. */
@Tag("peers")
class ConnectorsAgainstPeersTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final SshConnector SSH = new SshConnector();
    private static final TelnetConnector TELNET = new TelnetConnector();

    @AfterAll
    static void stopClient() {
        SSH.destroy();
    }

    @Test
    void sshWithStoredPasswordRunsACommandAndPinsTheHostKeyOnFirstUse() throws Exception {
        var pinned = new AtomicReference<String>();
        try (var connection = SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), fp -> {
            pinned.compareAndSet(null, fp);
            return fp.equals(pinned.get());
        }), 80, 24)) {
            send(connection, "echo airlock-$((6*7)) $TERM\n");
            assertThat(readUntil(connection, "airlock-42 xterm-256color")).contains("airlock-42 xterm-256color");
        }
        assertThat(pinned.get()).startsWith("SHA256:");
    }

    @Test
    void sshWithStoredPrivateKeySignsIn() throws Exception {
        String key = Files.readString(PEERS.sshKey());
        try (var connection = SSH.open(ssh(CredentialKind.PRIVATE_KEY, key, fp -> true), 80, 24)) {
            send(connection, "echo key-$((2*21))\n");
            assertThat(readUntil(connection, "key-42")).contains("key-42");
        }
    }

    @Test
    void sshResizeReachesThePty() throws Exception {
        try (var connection = SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), fp -> true), 80, 24)) {
            send(connection, "echo cols=$(tput cols)\n");
            readUntil(connection, "cols=80");
            connection.resize(132, 40);
            send(connection, "echo cols=$(tput cols) lines=$(tput lines)\n");
            assertThat(readUntil(connection, "cols=132 lines=40")).contains("cols=132 lines=40");
        }
    }

    @Test
    void sshWrongPasswordIsAuthFailedWithAClearMessage() {
        assertThatThrownBy(() -> SSH.open(ssh(CredentialKind.PASSWORD, "wrong-password", fp -> true), 80, 24))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("refused the stored credentials").doesNotContain("wrong-password");
                });
    }

    @Test
    void sshChangedHostKeyIsRefused() {
        assertThatThrownBy(() -> SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), fp -> false), 80, 24))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("different SSH host key").contains("SHA256:");
                });
    }

    @Test
    void sshKeyOtherThanThePinnedOneIsRefusedAndOfferedForReview() {
        var offered = new CopyOnWriteArrayList<String>();
        var keys = ConnectionTarget.HostKeyPolicy.pinnedTo("SHA256:not-this-equipment", fp -> {
            offered.add(fp);
            return false;
        });

        assertThatThrownBy(() -> SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), keys), 80, 24))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains(offered.getFirst());
                });
        assertThat(offered).hasSize(1).allMatch(fp -> fp.startsWith("SHA256:"));
    }

    @Test
    void sshHostKeyDecisionsRunOnTheConnectingThreadNeverOnMinaIoThreads() throws Exception {
        var threads = new CopyOnWriteArrayList<String>();
        var pinned = new AtomicReference<String>();
        var keys = new ConnectionTarget.HostKeyPolicy() {
            @Override
            public String pinned() {
                threads.add(Thread.currentThread().getName());
                return pinned.get();
            }

            @Override
            public boolean pin(String fingerprint) {
                threads.add(Thread.currentThread().getName());
                pinned.compareAndSet(null, fingerprint);
                return fingerprint.equals(pinned.get());
            }
        };

        for (int i = 0; i < 2; i++) { // first use, then pinned
            try (var connection = SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), keys), 80, 24)) {
                send(connection, "echo pinned-$((40+2))\n");
                readUntil(connection, "pinned-42");
            }
        }
        pinned.set("SHA256:not-this-equipment");
        assertThatThrownBy(() -> SSH.open(ssh(CredentialKind.PASSWORD, PEERS.password(), keys), 80, 24))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectorException.Reason.HOST_KEY_CHANGED));

        // pinned() three times, pin() at first use and for the refused key
        assertThat(threads).hasSize(5).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void sshSignsInWithThePasswordWhereOnlyKeyboardInteractiveIsOffered() throws Exception {
        var connector = new SshConnector();
        CoreModuleProperties.PREFERRED_AUTHS.set(connector.client, "keyboard-interactive");
        try {
            try (var connection = connector.open(ssh(CredentialKind.PASSWORD, PEERS.password(), fp -> true), 80, 24)) {
                send(connection, "echo kbd-$((6*7))\n");
                assertThat(readUntil(connection, "kbd-42")).contains("kbd-42");
            }
            assertThatThrownBy(() -> connector.open(ssh(CredentialKind.PASSWORD, "wrong-kbd-password", fp -> true),
                    80, 24)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.AUTH_FAILED);
                        assertThat(e.getMessage()).doesNotContain("wrong-kbd-password");
                    });
        } finally {
            connector.destroy();
        }
    }

    @Test
    void unreachableEquipmentFailsFastWithAClearMessage() {
        var target = new ConnectionTarget("127.0.0.1", 1, PEERS.user(), CredentialKind.PASSWORD, "x", fp -> true);
        Instant start = Instant.now();

        assertThatThrownBy(() -> SSH.open(target, 80, 24)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNREACHABLE));
        assertThatThrownBy(() -> TELNET.open(target, 80, 24)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).contains("could not be reached"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void telnetSignsInAutomaticallyAndPropagatesWindowSize() throws Exception {
        var target = new ConnectionTarget(PEERS.host(), PEERS.telnetPort(), PEERS.user(), CredentialKind.PASSWORD,
                PEERS.password(), fp -> true);
        try (var connection = TELNET.open(target, 100, 30)) {
            readUntil(connection, "$ ");
            send(connection, "echo telnet-$((40+2)) size=$(stty size)\r");
            String seen = readUntil(connection, "telnet-42 size=30 100");
            assertThat(seen).contains("telnet-42 size=30 100").doesNotContain(PEERS.password());
            connection.resize(120, 33);
            send(connection, "echo now=$(stty size)\r");
            assertThat(readUntil(connection, "now=33 120")).contains("now=33 120");
        }
    }

    private static ConnectionTarget ssh(CredentialKind kind, String secret, ConnectionTarget.HostKeyPolicy keys) {
        return new ConnectionTarget(PEERS.host(), PEERS.sshPort(), PEERS.user(), kind, secret, keys);
    }

    private static void send(RemoteConnection connection, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        connection.write(bytes, 0, bytes.length);
    }

    /** Reads until the text appears (bounded by 15 s and 1 MB); returns everything read. */
    static String readUntil(RemoteConnection connection, String expected) throws IOException {
        var seen = new ByteArrayOutputStream();
        var reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = connection.output().read(buffer)) > 0) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                        if (seen.toString(StandardCharsets.UTF_8).contains(expected) || seen.size() > 1_000_000) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // connection closed: the assertion below reports what was seen
            }
        });
        try {
            reader.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            String text = seen.toString(StandardCharsets.UTF_8);
            if (text.contains(expected)) {
                return text;
            }
            connection.close(); // unblocks the reader
            throw new AssertionError("did not see '" + expected + "' within 15 s; saw: " + text);
        }
    }
}
