package io.airlock.server.support;

import io.airlock.server.peers.TestPeers;
import java.util.List;
import java.util.Map;

/**
 * Sets up, through the API as an operator would, an asset with one access method on a real peer, a user and
 * an access group joining them; then opens sessions as that user. For gateways started in another JVM.
 */
public final class EquipmentSetup {

    private static final String TEMPORARY = "temporary-password-1";

    /** What was created, and the user's signed-in client. */
    public record Setup(GatewayClient user, String username, long groupId, long methodId, String assetName) {

        /** Launches a session and opens its terminal socket. */
        public TerminalSocket open(int columns, int rows) {
            var reply = user.post("/api/sessions/launch", Json.object("groupId", groupId, "methodId", methodId));
            if (reply.status() != 200) {
                throw new IllegalStateException("launch failed: " + reply.status() + " " + reply.body());
            }
            String ticket = Json.parse(reply.body()).get("ticket").asString();
            return user.openSocket("/ws/terminal?ticket=" + ticket + "&cols=" + columns + "&rows=" + rows,
                    user.origin());
        }
    }

    private EquipmentSetup() {
    }

    /** An SSH asset on the real peer, a USER account and a group (enforcing recording or not) for them. */
    public static Setup ssh(GatewayClient admin, int port, TestPeers peers, String stem, boolean enforceRecording) {
        return withMethod(admin, port, peers, stem, enforceRecording, Json.object("protocol", "SSH", "port",
                peers.sshPort(), "username", peers.user(), "password", peers.password()));
    }

    /** A VNC asset on the real TigerVNC peer with the given stored password, a USER account and a group. */
    public static Setup vnc(GatewayClient admin, int port, TestPeers peers, String stem, String password,
            boolean enforceRecording) {
        return withMethod(admin, port, peers, stem, enforceRecording, Json.object("protocol", "VNC", "port",
                peers.vncPort(), "password", password));
    }

    /** An RDP asset on the given port of the peer host, signing in as the peer's user with the given password. */
    public static Setup rdp(GatewayClient admin, int port, TestPeers peers, String stem, int rdpPort, String password,
            boolean enforceRecording) {
        return withMethod(admin, port, peers, stem, enforceRecording, Json.object("protocol", "RDP", "port",
                rdpPort, "username", peers.user(), "password", password));
    }

    private static Setup withMethod(GatewayClient admin, int port, TestPeers peers, String stem,
            boolean enforceRecording, String methodJson) {
        long asset = id(admin.post("/api/assets", Json.object("name", stem + "-equipment", "host", peers.host())));
        long method = id(admin.post("/api/assets/" + asset + "/methods", methodJson));
        String username = stem + "-operator";
        var created = admin.post("/api/users", Json.object("username", username, "displayName", username, "role",
                "USER", "password", TEMPORARY));
        long userId = id(created);
        var user = new GatewayClient(port);
        user.signIn(username, TEMPORARY);
        var changed = user.post("/api/me/password", Json.object("currentPassword", TEMPORARY, "newPassword",
                "own-password-of-" + username));
        if (changed.status() != 204) {
            throw new IllegalStateException("password change failed: " + changed.status() + " " + changed.body());
        }
        user.signIn(username, "own-password-of-" + username);
        long group = id(admin.post("/api/groups", Json.write(Map.of("name", stem + "-group", "enforceRecording",
                enforceRecording, "memberIds", List.of(userId), "methodIds", List.of(method)))));
        return new Setup(user, username, group, method, stem + "-equipment");
    }

    private static long id(GatewayClient.Reply reply) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("setup call failed: " + reply.status() + " " + reply.body());
        }
        return Json.parse(reply.body()).get("id").asLong();
    }
}
