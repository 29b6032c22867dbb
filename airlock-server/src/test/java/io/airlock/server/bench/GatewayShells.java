package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Sessions to the peer's shell through a gateway's WebSocket tunnel, from two access groups on the same
 * access method: one without recording and one that enforces it (recorded into the spool, the video
 * encoded live, stored in the embedded bucket that is active on first run).
 */
final class GatewayShells {

    private static final String OPERATOR = "bench-operator";

    private final GatewayClient admin;
    private final GatewayClient user;
    private final long methodId;
    private final long plainGroupId;
    private final long recordedGroupId;

    /** Admin, asset, SSH access method with the peer's password, a user and both groups, all over the API. */
    GatewayShells(int port, TestPeers peers, String adminPassword) {
        admin = new GatewayClient(port);
        expect(admin.signIn("admin", adminPassword), 200, "admin sign-in");
        long asset = Json.parse(expect(admin.post("/api/assets", Json.object("name", "bench-equipment", "host",
                peers.host())), 201, "create asset")).get("id").asLong();
        methodId = Json.parse(expect(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "SSH",
                "port", peers.sshPort(), "username", peers.user(), "password", peers.password())), 201,
                "create access method")).get("id").asLong();
        String temporary = "temporary-password-1";
        expect(admin.post("/api/users", Json.object("username", OPERATOR, "displayName", OPERATOR, "role", "USER",
                "password", temporary)), 201, "create user");
        user = new GatewayClient(port);
        expect(user.signIn(OPERATOR, temporary), 200, "user sign-in");
        expect(user.post("/api/me/password", Json.object("currentPassword", temporary, "newPassword",
                "bench-operator-password-1")), 204, "password change");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(OPERATOR)).findFirst().orElseThrow()
                .get("id").asLong();
        plainGroupId = group("bench-group", false, userId);
        recordedGroupId = group("bench-recorded-group", true, userId);
    }

    private long group(String name, boolean enforceRecording, long userId) {
        return Json.parse(expect(admin.post("/api/groups", Json.write(Map.of("name", name, "enforceRecording",
                enforceRecording, "memberIds", List.of(userId), "methodIds", List.of(methodId)))), 201,
                "create group " + name)).get("id").asLong();
    }

    /** A session of the group that records ({@code recorded}) or not; fails unless the gateway agrees. */
    SocketShell open(boolean recorded) {
        var launch = user.post("/api/sessions/launch",
                Json.object("groupId", recorded ? recordedGroupId : plainGroupId, "methodId", methodId));
        String ticket = Json.parse(expect(launch, 200, "launch")).get("ticket").asString();
        TerminalSocket socket = user.openSocket("/ws/terminal?ticket=" + ticket + "&cols=" + SessionBench.COLUMNS
                + "&rows=" + SessionBench.ROWS, user.origin());
        JsonNode ready = socket.awaitNotice("ready", SessionBench.WAIT);
        if (ready.get("recorded").asBoolean() != recorded) {
            socket.close();
            throw new IllegalStateException("the session was " + (recorded ? "not " : "") + "recorded: " + ready);
        }
        return new SocketShell(socket, ready.get("sessionId").asLong());
    }

    /**
     * A session of the group that records ({@code recorded}) or not, seen through a WebSocket client as lean
     * as a browser's ({@link RawWebSocket}), so the figures are the gateway's rather than the client's.
     */
    Shell openLean(boolean recorded, java.util.function.LongConsumer sessionId) throws IOException {
        var launch = user.post("/api/sessions/launch",
                Json.object("groupId", recorded ? recordedGroupId : plainGroupId, "methodId", methodId));
        String ticket = Json.parse(expect(launch, 200, "launch")).get("ticket").asString();
        var socket = RawWebSocket.open(user.base().getPort(), "/ws/terminal?ticket=" + ticket + "&cols="
                + SessionBench.COLUMNS + "&rows=" + SessionBench.ROWS, user.origin(), user.cookieHeader());
        var shell = DirectShell.overStreams(socket.output(), socket::sendBinary, socket::close);
        try {
            String ready = socket.awaitText(SessionBench.WAIT);
            JsonNode notice = ready == null ? null : Json.parse(ready);
            if (notice == null || !notice.path("type").asString("").equals("ready")
                    || notice.get("recorded").asBoolean() != recorded) {
                shell.close();
                throw new IllegalStateException("the session did not open as asked: " + ready);
            }
            sessionId.accept(notice.get("sessionId").asLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return shell;
    }

    /**
     * How the video of a recorded session was made, from its timeline: live (the encoder kept up) or
     * after the session (it fell behind and the spool file was transcoded). Waits until one shows.
     */
    String videoOutcome(long sessionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode recording = Json.parse(expect(admin.get("/api/sessions/" + sessionId), 200, "audit info"))
                    .get("recording");
            for (JsonNode event : recording.get("timeline")) {
                if (event.get("kind").asString().equals("TRANSCODED")) {
                    return event.get("detail").asString().startsWith("Encoded while the session ran")
                            ? "encoded live" : "encoded after the session (the live encoder fell behind)";
                }
            }
            SessionBench.pause(200);
        }
        return "not encoded within " + timeout.toSeconds() + " s";
    }

    private static String expect(GatewayClient.Reply reply, int status, String what) {
        if (reply.status() != status && !(status == 201 && reply.status() == 200)) {
            throw new IllegalStateException(what + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    /** A gateway session seen through the benchmark's WebSocket client. */
    static final class SocketShell implements Shell {
        private final TerminalSocket socket;
        private final long sessionId;

        SocketShell(TerminalSocket socket, long sessionId) {
            this.socket = socket;
            this.sessionId = sessionId;
        }

        long sessionId() {
            return sessionId;
        }

        @Override
        public void send(byte[] keys) {
            socket.type(new String(keys, StandardCharsets.ISO_8859_1));
        }

        @Override
        public boolean awaitReceived(long total, Duration timeout) {
            return socket.awaitCounted(total, timeout);
        }

        @Override
        public long received() {
            return socket.countedBytes();
        }

        @Override
        public long awaitMarker(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (socket.markerSeenAt() < 0 && System.nanoTime() < deadline && !socket.isClosed()) {
                socket.awaitCounted(socket.countedBytes() + 1, Duration.ofMillis(100));
            }
            return socket.markerSeenAt();
        }

        @Override
        public void expect(String marker) {
            socket.startCounting(marker, 4096);
        }

        @Override
        public long chunks() {
            return socket.countedMessages();
        }

        @Override
        public String tail() {
            return socket.countedTail();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
