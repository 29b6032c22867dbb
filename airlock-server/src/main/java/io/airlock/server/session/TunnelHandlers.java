package io.airlock.server.session;

import io.airlock.server.access.AirlockPrincipal;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
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
 * output out; text frames carry control messages ({@code {"type":"resize","cols":…,"rows":…}} in,
 * {@code ready} and {@code ended} out). {@code /ws/monitor}: output only; anything the monitor sends is
 * ignored, so a monitor can never type into the session.
 */
final class TunnelHandlers {

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
        private final SessionService sessions;
        private final JsonMapper json;

        Terminal(SessionService sessions, JsonMapper json) {
            this.sessions = sessions;
            this.json = json;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
            AirlockPrincipal me = principal(socket);
            if (me == null || socket.getUri() == null) {
                socket.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            socket.setBinaryMessageSizeLimit(MAX_INPUT);
            socket.setTextMessageSizeLimit(4096);
            var params = query(socket.getUri());
            sessions.open(me, params.get("ticket"), socket, clamp(params.get("cols"), 80, 10, MAX_COLUMNS),
                    clamp(params.get("rows"), 24, 5, MAX_ROWS));
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
            LiveSession session = live(socket);
            if (session == null) {
                return;
            }
            JsonNode node;
            try {
                node = json.readTree(message.getPayload());
            } catch (RuntimeException e) {
                return; // not a control message we know: ignored, like unknown types
            }
            if ("resize".equals(node.path("type").asString(""))) {
                session.resize(clamp(node.path("cols").asString(""), 80, 10, MAX_COLUMNS),
                        clamp(node.path("rows").asString(""), 24, 5, MAX_ROWS));
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
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
            if (me == null || socket.getUri() == null) {
                socket.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            sessions.monitor(me, query(socket.getUri()).get("ticket"), socket);
        }
    }
}
