package io.airlock.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the peer tests find their settings; needs no running peers. */
class TestPeersTest {

    private static final String ENV_FILE = """
            AIRLOCK_PEER_HOST=127.0.0.1
            AIRLOCK_PEER_USER=airlock-peer
            AIRLOCK_PEER_PASSWORD=secret1
            AIRLOCK_PEER_SSH_PORT=2222
            AIRLOCK_PEER_SSH_KEY=/state/ssh/client_ed25519
            AIRLOCK_PEER_SSH_KNOWN_HOSTS=/state/ssh/known_hosts
            AIRLOCK_PEER_TELNET_PORT=2323
            AIRLOCK_PEER_VNC_PORT=5901
            AIRLOCK_PEER_VNC_PASSWORD=vncpass1
            AIRLOCK_PEER_RDP_PORT=3389
            """;

    @TempDir
    Path repo;

    @Test
    void findsPeersEnvInParentDirectoryOfModule() throws Exception {
        Path module = Files.createDirectories(repo.resolve("airlock-server"));
        writeEnvFile(repo.resolve(".peers"));

        TestPeers peers = TestPeers.load(Map.of(), module);

        assertThat(peers.sshPort()).isEqualTo(2222);
        assertThat(peers.vncPassword()).isEqualTo("vncpass1");
        assertThat(peers.sshKey()).isEqualTo(Path.of("/state/ssh/client_ed25519"));
    }

    @Test
    void environmentVariablesWinOverTheFile() throws Exception {
        writeEnvFile(repo.resolve(".peers"));

        TestPeers peers = TestPeers.load(Map.of("AIRLOCK_PEER_SSH_PORT", "22022"), repo);

        assertThat(peers.sshPort()).isEqualTo(22022);
        assertThat(peers.telnetPort()).isEqualTo(2323);
    }

    @Test
    void readsStateDirNamedByAirlockPeersDir() throws Exception {
        Path state = repo.resolve("elsewhere");
        writeEnvFile(state);

        TestPeers peers = TestPeers.load(Map.of("AIRLOCK_PEERS_DIR", state.toString()), repo);

        assertThat(peers.rdpPort()).isEqualTo(3389);
    }

    @Test
    void saysHowToStartPeersWhenNothingIsConfigured() {
        assertThatThrownBy(() -> TestPeers.load(Map.of("HOME", "/root"), repo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test peers are not running: start them with scripts/peers.sh start");
    }

    @Test
    void namesTheMissingSetting() throws Exception {
        Files.createDirectories(repo.resolve(".peers"));
        Files.writeString(repo.resolve(".peers/peers.env"), ENV_FILE.replace("AIRLOCK_PEER_VNC_PORT=5901\n", ""));

        assertThatThrownBy(() -> TestPeers.load(Map.of(), repo))
                .hasMessageStartingWith("AIRLOCK_PEER_VNC_PORT is not set in the environment or ");
    }

    @Test
    void keepsPasswordsOutOfToString() throws Exception {
        writeEnvFile(repo.resolve(".peers"));

        assertThat(TestPeers.load(Map.of(), repo).toString()).doesNotContain("secret1", "vncpass1");
    }

    private static void writeEnvFile(Path stateDir) throws Exception {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve("peers.env"), ENV_FILE);
    }
}
