package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    @Test
    void aFullSpoolEndsTheRecordedDesktopWithTheReasonAndKeepsWhatWasRecorded() throws Exception {
        var admin = startOnSmallSpool("desktop-full-admin-pass");
        var setup = EquipmentSetup.vnc(admin, gateway.port(), PEERS, "desktop-full", PEERS.vncPassword(), true);

        Path filler = spool.resolve("filler");
        long id;
        try (var window = setup.open(80, 24)) {
            id = window.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var in = new RfbSocket.Input(window, WAIT, false);
            var out = new RfbSocket.Output(window);
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            out.write(ClientMessages.setEncodings(List.of(Encodings.RAW)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()));
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);
            fill(filler);
            // Whole screens in Raw, far more than the full spool can take.
            for (int i = 0; i < 20 && !window.isClosed(); i++) {
                window.sendBinary(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            }

            JsonNode ended = window.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("Recording failed").contains("enforces recording");
        }
        JsonNode row = audit(admin, id).get("session");
        assertThat(row.get("endReason").asString()).isEqualTo("ERROR");
        assertThat(row.get("endDetail").asString()).contains("Recording failed");
        assertThat(Files.size(spool.resolve("session-" + id + ".fbs"))).as("the screen recorded before the disk "
                + "filled").isGreaterThan(640L * 480);

        Files.delete(filler); // space again: the kept recording goes to the bucket
        JsonNode audit = awaitReady(admin, id);
        assertThat(audit.get("session").get("recordingStatus").asString()).as(audit.toString()).isEqualTo("READY");
        assertThat(audit.get("recording").get("castKey").asString()).endsWith("/" + id + ".fbs");
    }

    @Test
    void aSpoolThatCannotBeWrittenRefusesTheRecordedDesktopWithTheReason() throws Exception {
        var admin = startOnSmallSpool("desktop-ro-admin-pass");
        var setup = EquipmentSetup.vnc(admin, gateway.port(), PEERS, "desktop-ro", PEERS.vncPassword(), true);
        assertThat(run("mount", "-o", "remount,ro", spool.toString())).as("remounting the spool read-only").isTrue();
        try (var window = setup.open(80, 24)) {
            JsonNode ended = window.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("enforces recording")
                    .contains("Read-only file system").contains("was not opened");
        } finally {
            run("mount", "-o", "remount,rw", spool.toString());
        }
        var rows = Json.parse(admin.get("/api/sessions?size=50").body()).get("items");
        JsonNode row = rows.valueStream().filter(r -> r.get("username").asString().equals(setup.username()))
                .findFirst().orElseThrow();
        assertThat(row.get("endReason").asString()).isEqualTo("ERROR");
        assertThat(row.get("recordingStatus").asString()).isEqualTo("NONE");
        try (var files = Files.list(spool)) {
            assertThat(files.toList()).as("spool files").isEmpty();
        }
    }

    /** A gateway whose spool is a real 300 MB file system, just above the free space a recorded session needs. */
    private GatewayClient startOnSmallSpool(String adminPassword) throws Exception {
        spool = Files.createDirectories(dir.resolve("data").resolve("spool"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=300m,mode=0700", "tmpfs", spool.toString()),
                "mounting a small file system for the spool needs root (./airlock test runs as root)");
        gateway = ChildGateway.start(dir.resolve("data"), Map.of("AIRLOCK_ADMIN_PASSWORD", adminPassword));
        var admin = new GatewayClient(gateway.port());
        assertThat(admin.signIn("admin", adminPassword).status()).isEqualTo(200);
        return admin;
    }

    private static JsonNode awaitReady(GatewayClient admin, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!audit(admin, id).get("session").get("recordingStatus").asString().equals("READY")
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return audit(admin, id);
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
