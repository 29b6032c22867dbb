package io.airlock.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The SSH peer is a real OpenSSH server that checks passwords and runs commands in a shell. */
@Tag("peers")
class SshPeerSmokeTest {

    /** RFC 4253 section 4.2: the identification line is at most 255 bytes including CR LF. */
    private static final int MAX_IDENTIFICATION_LENGTH = 255;

    private static TestPeers peers;
    private static SshClient client;

    @BeforeAll
    static void startClient() {
        peers = TestPeers.load();
        client = SshClient.setUpDefaultClient();
        // The host key is pinned by the known_hosts file the script wrote; anything else is refused.
        client.setServerKeyVerifier(
                new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, peers.sshKnownHosts()));
        // Only password authentication, so a pass proves the password works and not some key in ~/.ssh.
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.start();
    }

    @AfterAll
    static void stopClient() {
        if (client != null) {
            client.stop();
        }
    }

    @Test
    void serverIdentifiesAsOpenSsh() throws Exception {
        try (Socket socket = peers.connect("ssh", peers.sshPort())) {
            assertThat(readIdentificationLine(socket.getInputStream())).startsWith("SSH-2.0-OpenSSH");
        }
    }

    @Test
    void passwordLoginRunsEchoInExecChannel() throws Exception {
        try (ClientSession session = connect()) {
            session.addPasswordIdentity(peers.password());
            session.auth().verify(TestPeers.TIMEOUT);

            // The shell must expand $((6*7)); the command text itself never contains "42".
            try (ChannelExec exec = session.createExecChannel("echo airlock-$((6*7))")) {
                var out = new ByteArrayOutputStream();
                var err = new ByteArrayOutputStream();
                exec.setOut(out);
                exec.setErr(err);
                exec.open().verify(TestPeers.TIMEOUT);
                Set<ClientChannelEvent> events =
                        exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestPeers.TIMEOUT);

                assertThat(events).as("channel closed within %s", TestPeers.TIMEOUT).contains(ClientChannelEvent.CLOSED);
                assertThat(exec.getExitStatus()).as("exit status; stderr: %s", err).isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("airlock-42\n");
            }
        }
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        try (ClientSession session = connect()) {
            session.addPasswordIdentity(peers.password() + "-wrong");

            // The message tells a refused password apart from a failed key exchange or host key check.
            assertThatThrownBy(() -> session.auth().verify(TestPeers.TIMEOUT))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("No more authentication methods available");
        }
    }

    private static ClientSession connect() throws Exception {
        return client.connect(peers.user(), peers.host(), peers.sshPort()).verify(TestPeers.TIMEOUT).getSession();
    }

    private static String readIdentificationLine(InputStream in) throws Exception {
        var line = new ByteArrayOutputStream();
        for (int i = 0; i < MAX_IDENTIFICATION_LENGTH; i++) {
            int b = in.read();
            if (b == -1 || b == '\n') {
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
