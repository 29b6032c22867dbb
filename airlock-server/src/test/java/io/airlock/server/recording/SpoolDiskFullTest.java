package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A full spool disk in the middle of an enforced recording: the session is ended with the reason shown in
 * its window (never left running unrecorded), what was recorded until then is kept, and once space is free
 * again it reaches the bucket. The spool is a real, small file system (tmpfs mounted by the test, which
 * needs root, as ./airlock test has) that really fills up.
 */
@Tag("peers")
class SpoolDiskFullTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    Path spool;
    ChildGateway gateway;

    @AfterEach
    void cleanUp() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (spool != null) {
            run("umount", spool.toString());
        }
    }

    @Test
    void aFullSpoolEndsTheRecordedSessionWithTheReasonAndKeepsWhatWasRecorded() throws Exception {
        spool = Files.createDirectories(dir.resolve("data").resolve("spool"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=300m,mode=0700", "tmpfs", spool.toString()),
                "mounting a small file system for the spool needs root (./airlock test runs as root)");
        gateway = ChildGateway.start(dir.resolve("data"), Map.of("AIRLOCK_ADMIN_PASSWORD", "disk-full-admin-pass"));
        var admin = new GatewayClient(gateway.port());
        assertThat(admin.signIn("admin", "disk-full-admin-pass").status()).isEqualTo(200);
        var setup = EquipmentSetup.ssh(admin, gateway.port(), PEERS, "full", true);

        Path filler = spool.resolve("filler");
        long id;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo before-full-$((6*7))\n");
            terminal.awaitOutput("before-full-42", WAIT);
            fill(filler);
            terminal.type("seq 1 300000\n");

            JsonNode ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("Recording failed")
                    .contains("enforces recording");
        }
        JsonNode row = audit(admin, id).get("session");
        assertThat(row.get("endReason").asString()).isEqualTo("ERROR");
        assertThat(row.get("endDetail").asString()).contains("Recording failed");
        assertThat(Files.readString(spool.resolve("session-" + id + ".cast"))).contains("before-full-42");

        Files.delete(filler); // space again: the kept recording goes to the bucket
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!audit(admin, id).get("session").get("recordingStatus").asString().equals("READY")
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        JsonNode audit = audit(admin, id);
        assertThat(audit.get("session").get("recordingStatus").asString()).as(audit.toString()).isEqualTo("READY");
        assertThat(audit.get("recording").get("castKey").asString()).endsWith("/" + id + ".cast");
    }

    private static JsonNode audit(GatewayClient admin, long id) {
        return Json.parse(admin.get("/api/sessions/" + id).body());
    }

    /** Writes real bytes until the file system has no room left (tmpfs does not allocate sparse files). */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 400; i++) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
