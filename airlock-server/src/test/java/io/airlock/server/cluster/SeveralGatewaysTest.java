package io.airlock.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.rfb.Encodings;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.storage.S3MockServer;
import io.airlock.server.support.Bucket;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbClient;
import io.airlock.server.support.TerminalSocket;
import io.airlock.server.support.TestPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway processes sharing one PostgreSQL database and one bucket (S3Mock), as behind a load balancer
 * with no sticky routing: an admin works on node A while the user's session WebSocket reaches node B; the
 * admin sees, monitors and terminates that session from A, and its recording is stored once. Node B killed
 * with SIGKILL during a recorded session: A ends the session within 30 seconds, and B, started again,
 * stores what was recorded.
 */
@Tag("peers")
class SeveralGatewaysTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final String ADMIN_PASSWORD = "several-gateways-admin-password";
    private static final String BUCKET = "shared-recordings";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PIPELINE_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    S3MockServer s3mock;
    String schema;
    ChildGateway a;
    ChildGateway b;
    int portB;
    Map<String, String> settingsB;

    @BeforeEach
    void shared() {
        s3mock = S3MockServer.start(dir.resolve("s3mock"), BUCKET);
        schema = TestPostgres.createSchema();
    }

    @AfterEach
    void stop() {
        for (ChildGateway node : new ChildGateway[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        s3mock.close();
        TestPostgres.dropSchema(schema);
    }

    private Map<String, String> node(String id, int port, String masterKey) {
        return new HashMap<>(Map.of("AIRLOCK_NODE_ID", id, "AIRLOCK_NODE_ADDRESS", "http://127.0.0.1:" + port,
                "AIRLOCK_DB_URL", TestPostgres.urlFor(schema), "AIRLOCK_DB_USER", TestPostgres.USER,
                "AIRLOCK_DB_PASSWORD", TestPostgres.PASSWORD, "AIRLOCK_MASTER_KEY", masterKey,
                "AIRLOCK_EMBEDDED_S3", "false", "AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    private static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Both nodes, the bucket active, and an SSH asset whose group enforces recording. */
    private EquipmentSetup.Setup startTwoNodes() {
        String key = newMasterKey();
        int portA = ChildGateway.freePort();
        portB = ChildGateway.freePort();
        a = ChildGateway.start(dir.resolve("a"), node("node-a", portA, key), portA);
        settingsB = node("node-b", portB, key);
        b = ChildGateway.start(dir.resolve("b"), settingsB, portB);
        GatewayClient admin = adminOn(a);
        var created = admin.post("/api/integrations", Json.object("name", "Shared bucket", "endpoint",
                s3mock.endpoint().toString(), "region", "us-east-1", "bucket", BUCKET, "prefix", "plant/",
                "accessKeyId", "AKIAIGNOREDBYS3MOCK", "secretAccessKey", "ignored-by-s3mock", "pathStyle", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long integration = Json.parse(created.body()).get("id").asLong();
        admin.post("/api/integrations/" + integration + "/check", "{}");
        var activated = admin.post("/api/integrations/" + integration + "/activate", "{}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        return EquipmentSetup.ssh(admin, a.port(), PEERS, "several", true);
    }

    private static GatewayClient adminOn(ChildGateway node) {
        var admin = new GatewayClient(node.port());
        var reply = admin.signIn("admin", ADMIN_PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return admin;
    }

    /** Launched through node A, its WebSocket opened on node B. */
    private TerminalSocket launchOnAOpenOnB(EquipmentSetup.Setup setup) {
        var launch = setup.user().post("/api/sessions/launch", Json.object("groupId", setup.groupId(), "methodId",
                setup.methodId()));
        assertThat(launch.status()).as(launch.body()).isEqualTo(200);
        String ticket = Json.parse(launch.body()).get("ticket").asString();
        GatewayClient onB = setup.user().sameBrowserAt(portB);
        return onB.openSocket("/ws/terminal?ticket=" + ticket + "&cols=80&rows=24", onB.origin());
    }

    /** {@return the session's id, once a command typed in it was answered} */
    private static long ready(TerminalSocket terminal, String word) {
        long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
        terminal.type("echo " + word + "-$((6*7))\n");
        terminal.awaitOutput(word + "-42", WAIT);
        return id;
    }

    @Test
    void anAdminOnOneNodeSeesMonitorsAndTerminatesASessionOnAnotherAndMismatchedNodesAreRefused()
            throws Exception {
        var setup = startTwoNodes();
        GatewayClient admin = adminOn(a);
        long id;
        try (TerminalSocket terminal = launchOnAOpenOnB(setup)) {
            id = ready(terminal, "on-node-b");

            JsonNode live = Json.parse(admin.get("/api/sessions/live").body());
            assertThat(live).anySatisfy(s -> {
                assertThat(s.get("id").asLong()).isEqualTo(id);
                assertThat(s.get("node").asString()).isEqualTo("node-b");
                assertThat(s.get("recorded").asBoolean()).isTrue();
            });

            var grant = admin.post("/api/sessions/" + id + "/monitor", "{}");
            assertThat(grant.status()).as(grant.body()).isEqualTo(200);
            String ticket = Json.parse(grant.body()).get("ticket").asString();
            try (TerminalSocket monitor = admin.openSocket("/ws/monitor?ticket=" + ticket, admin.origin())) {
                monitor.awaitOutput("on-node-b-42", WAIT);
                terminal.type("echo watched-from-a-$((2*21))\n");
                monitor.awaitOutput("watched-from-a-42", WAIT);

                assertThat(admin.post("/api/sessions/" + id + "/terminate", "{}").status()).isEqualTo(204);
                assertThat(terminal.awaitClosed(WAIT)).as("the session on node B ended").isTrue();
                assertThat(monitor.awaitClosed(WAIT)).as("the monitor relayed by node A closed").isTrue();
            }
        }
        JsonNode row = awaitRow(admin, id, r -> "READY".equals(r.get("recordingStatus").asString()));
        assertThat(row.get("endReason").asString()).isEqualTo("TERMINATED_BY_ADMIN");
        assertThat(row.get("endedBy").asString()).isEqualTo("admin");
        try (var bucket = new Bucket(s3mock.endpoint(), BUCKET, "AKIAIGNOREDBYS3MOCK", "ignored-by-s3mock")) {
            List<String> keys = bucket.keys("plant/").stream().filter(k -> k.contains("/" + id + ".")).toList();
            assertThat(keys).as("one video and one raw recording, stored once").hasSize(2);
        }
        aNodeWithAnotherMasterKeyOrNoneIsRefused();
    }

    @Test
    void aVncSessionOnAnotherNodeIsMonitoredThroughTheNodeTheAdminReached() throws Exception {
        String key = newMasterKey();
        int portA = ChildGateway.freePort();
        portB = ChildGateway.freePort();
        a = ChildGateway.start(dir.resolve("a"), node("node-a", portA, key), portA);
        b = ChildGateway.start(dir.resolve("b"), node("node-b", portB, key), portB);
        GatewayClient admin = adminOn(a);
        var setup = EquipmentSetup.vnc(admin, a.port(), PEERS, "several-vnc", PEERS.vncPassword(), false);
        try (TerminalSocket session = launchOnAOpenOnB(setup)) {
            long id = session.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var window = RfbClient.connect(session, null, List.of(Encodings.ZRLE, Encodings.RAW));
            window.request(false);
            window.awaitUpdate();

            String ticket = Json.parse(admin.post("/api/sessions/" + id + "/monitor", "{}").body()).get("ticket")
                    .asString();
            try (TerminalSocket monitorSocket = admin.openSocket("/ws/monitor?ticket=" + ticket, admin.origin())) {
                monitorSocket.awaitNotice("ready", WAIT);
                // The monitor's RFB requests go from node A to node B, and the screen back.
                var monitor = RfbClient.connect(monitorSocket, null, List.of(Encodings.RAW));
                monitor.request(false);
                monitor.awaitUpdate();
                assertThat(monitor.screen().pixels()).isEqualTo(window.screen().pixels());
            }
        }
    }

    @Test
    void aNodeKilledDuringARecordedSessionIsNoticedAndStoresTheRecordingWhenItReturns() throws Exception {
        var setup = startTwoNodes();
        GatewayClient admin = adminOn(a);
        long id;
        try (TerminalSocket terminal = launchOnAOpenOnB(setup)) {
            id = ready(terminal, "before-the-crash");
            Thread.sleep(1_100); // the spool is flushed at least every second
            b.kill();
        }
        long killedAt = System.nanoTime();
        JsonNode ended = awaitRow(admin, id, r -> r.get("endReason") != null && !r.get("endReason").isNull(),
                Duration.ofSeconds(45));
        Duration noticedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(ended.get("endReason").asString()).isEqualTo("NODE_STOPPED");
        assertThat(noticedAfter).as("node A ended the session of the dead node").isLessThan(Duration.ofSeconds(30));
        assertThat(Json.parse(admin.get("/api/sessions/live").body())).noneMatch(s -> s.get("id").asLong() == id);

        b = ChildGateway.start(dir.resolve("b"), settingsB, portB);
        JsonNode stored = awaitRow(admin, id, r -> "READY".equals(r.get("recordingStatus").asString()));
        assertThat(stored.get("endReason").asString()).isEqualTo("NODE_STOPPED");
    }

    /** Checked after the first test, against the same running nodes: starting two more costs a minute. */
    private void aNodeWithAnotherMasterKeyOrNoneIsRefused() {
        int port = ChildGateway.freePort();
        assertThatThrownBy(() -> ChildGateway.start(dir.resolve("c"), node("node-c", port, newMasterKey()), port))
                .hasMessageContaining("Give every node the same AIRLOCK_MASTER_KEY");
        var withoutKey = node("node-d", port, "");
        assertThatThrownBy(() -> ChildGateway.start(dir.resolve("d"), withoutKey, port))
                .hasMessageContaining("several nodes need one shared AIRLOCK_MASTER_KEY");
    }

    private JsonNode awaitRow(GatewayClient admin, long id, Predicate<JsonNode> wanted) throws InterruptedException {
        return awaitRow(admin, id, wanted, PIPELINE_WAIT);
    }

    /** Polls Session History (as admins see it) until the session's row satisfies {@code wanted}. */
    private JsonNode awaitRow(GatewayClient admin, long id, Predicate<JsonNode> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            var reply = admin.get("/api/sessions?size=100");
            if (reply.status() == 200) {
                for (JsonNode item : Json.parse(reply.body()).get("items")) {
                    if (item.get("id").asLong() == id) {
                        row = item;
                    }
                }
                if (row != null && wanted.test(row)) {
                    return row;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("session #" + id + " never got there; last seen: " + row + "\nnode A:\n" + a.tail()
                + (b == null ? "" : "\nnode B:\n" + b.tail()));
    }
}
