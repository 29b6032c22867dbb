package io.airlock.server.session;

import io.airlock.server.access.AirlockPrincipal;
import io.airlock.server.asset.Protocol;
import io.airlock.server.session.SessionService.MonitorGrant;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser ends of sessions. {@code /ws/terminal}: binary frames carry keystrokes in and terminal
 * output out; text frames carry control messages in ({@code {"type":"resize","cols":…,"rows":…}},
 * {@code pause} and {@code resume} for the terminal's flow control, and — when the access method asks the
 * user — one {@code {"type":"sign-in","username":…,"password":…}} before anything else) and out
 * ({@code ready}, {@code warning}, {@code ended}). {@code /ws/monitor}: a terminal's monitor only receives, and
 * anything it sends is ignored; a desktop's monitor speaks RFB with the gateway, which reads its requests for
 * updates and drops its key and pointer events. Either way a monitor can never type into the session.
 */
final class TunnelHandlers {

    private static final Logger log = LoggerFactory.getLogger(TunnelHandlers.class);

    static final int MAX_COLUMNS = 500;
    static final int MAX_ROWS = 200;
    static final int MAX_INPUT = 64 * 1024;

    private TunnelHandlers() {
    }

    static AirlockPrincipal principal(WebSocketSession socket) {
        Principal p = socket.getPrincipal();
        if (p instanceof Authentication auth && auth.getPrincipal() instanceof AirlockPrincipal me) {
            return me;
        }
        return null;
    }

    static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap();
    }

    static int clamp(String value, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code /ws/terminal?ticket=…&cols=…&rows=…} */
    static final class Terminal extends AbstractWebSocketHandler {
        static final Duration SIGN_IN_WAIT = Duration.ofMinutes(2);
        private static final String PENDING = Terminal.class.getName() + ".pending";

        private final SessionService sessions;
        private final JsonMapper json;

        Terminal(SessionService sessions, JsonMapper json) {
            this.sessions = sessions;
            this.json = json;
        }

        /** A session that waits for the user's credentials before it connects. */
        private record Pending(AirlockPrincipal user, Launch launch, int columns, int rows) {
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
            AirlockPrincipal me = principal(socket);
            if (me == null || socket.getUri() == null
                    || !(socket.getAttributes().get(TicketHandshake.GRANT) instanceof Launch launch)) {
                socket.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            socket.setBinaryMessageSizeLimit(MAX_INPUT);
            socket.setTextMessageSizeLimit(4096);
            var params = query(socket.getUri());
            // An RDP desktop is drawn at the session window's size in pixels.
            var pending = launch.protocol() == Protocol.RDP
                    ? new Pending(me, launch, clamp(params.get("width"), 1024, 640, 3840),
                            clamp(params.get("height"), 768, 480, 2160))
                    : new Pending(me, launch, clamp(params.get("cols"), 80, 10, MAX_COLUMNS),
                            clamp(params.get("rows"), 24, 5, MAX_ROWS));
            if (launch.askCredentials()) {
                socket.getAttributes().put(PENDING, pending);
                Thread.ofVirtual().name("sign-in-wait-" + socket.getId()).start(() -> expire(socket, pending));
                return;
            }
            connect(socket, pending, null);
        }

        /** Reaching the equipment takes seconds: never on the WebSocket container's thread. */
        private void connect(WebSocketSession socket, Pending pending, SessionService.TypedCredentials typed) {
            Thread.ofVirtual().name("session-open-" + socket.getId()).start(() -> {
                try {
                    sessions.open(pending.user(), pending.launch(), socket, pending.columns(), pending.rows(), typed);
                } catch (RuntimeException e) {
                    // open() ends what it started; this is a failure before it started anything (the database)
                    log.error("A session to {} could not be opened", pending.launch().assetName(), e);
                    closeQuietly(socket, new CloseStatus(CloseStatus.SERVER_ERROR.getCode(),
                            "The gateway could not open the session; try again in a moment."));
                }
            });
        }

        private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
            try {
                socket.close(status);
            } catch (IOException e) {
                // the browser is gone already
            }
        }

        private static void expire(WebSocketSession socket, Pending pending) {
            try {
                Thread.sleep(SIGN_IN_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (socket.getAttributes().remove(PENDING, pending)) {
                closeQuietly(socket, new CloseStatus(4001, "No sign-in within " + SIGN_IN_WAIT.toMinutes()
                        + " minutes; open the session again."));
            }
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
            LiveSession session = live(socket);
            if (session != null) {
                var payload = message.getPayload();
                byte[] bytes = new byte[payload.remaining()];
                payload.get(bytes);
                session.input(bytes);
            }
        }

        @Override
        protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
            JsonNode node;
            try {
                node = json.readTree(message.getPayload());
            } catch (RuntimeException e) {
                return; // not a control message we know: ignored, like unknown types
            }
            String type = node.path("type").asString("");
            if ("sign-in".equals(type)) {
                signIn(socket, node);
                return;
            }
            LiveSession session = live(socket);
            if (session == null) {
                return;
            }
            switch (type) {
                case "resize" -> session.resize(clamp(node.path("cols").asString(""), 80, 10, MAX_COLUMNS),
                        clamp(node.path("rows").asString(""), 24, 5, MAX_ROWS));
                case "pause" -> session.pause();
                case "resume" -> session.resume();
                default -> {
                    // unknown control messages are ignored, so older and newer windows both work
                }
            }
        }

        /** The one sign-in a waiting session takes; the typed secret lives only as long as the connection attempt. */
        private void signIn(WebSocketSession socket, JsonNode node) {
            if (!(socket.getAttributes().get(PENDING) instanceof Pending pending)
                    || !socket.getAttributes().remove(PENDING, pending)) {
                return;
            }
            String username = node.path("username").asString("");
            String password = node.path("password").asString("");
            connect(socket, pending, new SessionService.TypedCredentials(username.length() > 256 ? "" : username,
                    password.length() > 1024 ? "" : password));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
            socket.getAttributes().remove(PENDING);
            LiveSession session = live(socket);
            if (session != null) {
                session.end(EndReason.CLOSED_BY_USER, "The user closed the session window.", null);
            }
        }

        private static LiveSession live(WebSocketSession socket) {
            return (LiveSession) socket.getAttributes().get(LiveSession.class.getName());
        }
    }

    /** {@code /ws/monitor?ticket=…} */
    static final class MonitorEndpoint extends AbstractWebSocketHandler {
        private final SessionService sessions;

        MonitorEndpoint(SessionService sessions) {
            this.sessions = sessions;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
            AirlockPrincipal me = principal(socket);
            if (me == null || !(socket.getAttributes().get(TicketHandshake.GRANT) instanceof MonitorGrant grant)) {
                socket.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            socket.setBinaryMessageSizeLimit(MAX_INPUT);
            sessions.monitor(me, grant, socket);
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
            sessions.monitorInput(socket, bytes(message));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
            sessions.monitorClosed(socket);
        }
    }

    static byte[] bytes(BinaryMessage message) {
        var payload = message.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return bytes;
    }

    /** Another gateway node relaying a monitor of a session this node runs (see {@link MonitorRelay}). */
    static final class NodeMonitorEndpoint extends AbstractWebSocketHandler {
        static final String SESSION = NodeMonitorEndpoint.class.getName() + ".session";
        private final SessionService sessions;

        NodeMonitorEndpoint(SessionService sessions) {
            this.sessions = sessions;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
            if (!(socket.getAttributes().get(SESSION) instanceof Long sessionId)) {
                socket.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            socket.setBinaryMessageSizeLimit(MAX_INPUT);
            sessions.monitorForNode(sessionId, socket);
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
            Monitor monitor = Monitor.on(socket);
            if (monitor != null) {
                monitor.input(bytes(message));
            }
        }
    }
}
