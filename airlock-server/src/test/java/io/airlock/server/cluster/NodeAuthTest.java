package io.airlock.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.CredentialVault;
import io.airlock.server.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof one gateway node shows another: only a node with the same master key makes one, lately. */
class NodeAuthTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("another key of 32 bytes, really!".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));

    private NodeAuth node(String masterKey) {
        return new NodeAuth(CredentialVault.load(masterKey, dir), clock);
    }

    @Test
    void aNodeWithTheSameMasterKeyIsLetInForWhatItAskedOnly() {
        String proof = node(KEY).sign("monitor:42");
        assertThat(node(KEY).verify("monitor:42", proof)).isTrue();
        assertThat(node(KEY).verify("monitor:43", proof)).isFalse();
    }

    @Test
    void aNodeWithAnotherKeyIsRefused() {
        assertThat(node(KEY).verify("monitor:42", node(OTHER_KEY).sign("monitor:42"))).isFalse();
    }

    @Test
    void anOldProofIsRefusedAndClocksMayDifferALittle() {
        String proof = node(KEY).sign("monitor:42");
        clock.advance(Duration.ofSeconds(25));
        assertThat(node(KEY).verify("monitor:42", proof)).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(node(KEY).verify("monitor:42", proof)).isFalse();
    }

    @Test
    void malformedProofsAreRefused() {
        NodeAuth auth = node(KEY);
        String proof = auth.sign("monitor:42");
        String mac = proof.substring(proof.indexOf('.') + 1);
        for (String bad : new String[] {null, "", ".", "x." + mac, "1." + mac, mac, proof + "0",
                proof.substring(0, proof.length() - 1)}) {
            assertThat(auth.verify("monitor:42", bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}
