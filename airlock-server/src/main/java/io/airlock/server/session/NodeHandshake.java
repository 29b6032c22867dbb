package io.airlock.server.session;

import io.airlock.server.cluster.NodeAuth;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets in only another gateway node: the request names a session and carries a {@link NodeAuth} proof made
 * for it. Anything else is refused before the upgrade.
 */
final class NodeHandshake implements HandshakeInterceptor {

    private final NodeAuth auth;

    NodeHandshake(NodeAuth auth) {
        this.auth = auth;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String session = TunnelHandlers.query(request.getURI()).get("session");
        long sessionId;
        try {
            sessionId = Long.parseLong(session == null ? "" : session);
        } catch (NumberFormatException e) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        if (!auth.verify(MonitorRelay.subject(sessionId), request.getHeaders().getFirst(NodeAuth.HEADER))) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(TunnelHandlers.NodeMonitorEndpoint.SESSION, sessionId);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to undo
    }
}
