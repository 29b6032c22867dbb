package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** VNC sessions set up through the API as an operator would: an asset, its VNC access method, a user and a group. */
abstract class VncGatewayTest extends GatewayTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final TestPeers PEERS = TestPeers.load();

    @Autowired
    SessionRecordRepository records;

    /** The access method's credential fields for a stored VNC password. */
    static Map<String, Object> storedPassword(String password) {
        return Map.of("password", password);
    }

    /** The access method's credential fields for a password the user types in the session window. */
    static Map<String, Object> askedPassword() {
        return Map.of("credential", "ASK_USER");
    }

    record Setup(GatewayClient client, String username, long groupId, long methodId) {
    }

    Setup setUp(int port, Map<String, Object> credential) {
        var admin = signedInAdmin();
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("vnc-desktop"), "host",
                "127.0.0.1")).body()).get("id").asLong();
        var method = new HashMap<String, Object>(credential);
        method.put("protocol", "VNC");
        method.put("port", port);
        var created = admin.post("/api/assets/" + asset + "/methods", Json.write(method));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        long methodId = Json.parse(created.body()).get("id").asLong();
        String username = uniqueName("vnc-operator");
        var client = newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        var group = admin.post("/api/groups", Json.write(Map.of("name", uniqueName("vnc-group"),
                "enforceRecording", false, "memberIds", List.of(userId), "methodIds", List.of(methodId))));
        return new Setup(client, username, Json.parse(group.body()).get("id").asLong(), methodId);
    }

    static TerminalSocket open(Setup setup) {
        var reply = setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String ticket = Json.parse(reply.body()).get("ticket").asString();
        return setup.client().openSocket("/ws/terminal?ticket=" + ticket, setup.client().origin());
    }

    SessionRecord awaitEnded(long id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var record = records.find(id).orElseThrow();
            if (record.endedAt() != null) {
                return record;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("session " + id + " did not end");
    }
}
