package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.AssetRepository;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.EquipmentSetup.Setup;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RDP sessions through the gateway's WebSocket tunnel to the real FreeRDP shadow server: the window gets an
 * RFB stream (the pixels are checked by the connector's own test), the history and the pinned certificate
 * say what happened.
 */
@Tag("peers")
class RdpSessionsTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final TestPeers PEERS = TestPeers.load();

    @Autowired
    SessionRecordRepository records;
    @Autowired
    AssetRepository assets;

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
    void aGroupThatEnforcesRecordingDoesNotOpenAnUnrecordedDesktop() {
        var setup = setUp(PEERS.rdpPort(), PEERS.password(), true);
        var reply = setup.user().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isNotEqualTo(200);
        assertThat(reply.body()).contains("does not record RDP sessions");
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
