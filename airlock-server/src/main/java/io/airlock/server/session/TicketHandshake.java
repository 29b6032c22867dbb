package io.airlock.server.session;

import io.airlock.server.access.AirlockPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Redeems a session's single-use ticket during the HTTP handshake, so a missing, unknown, expired, reused
 * or foreign ticket is refused with 401 or 403 before any WebSocket exists. The redeemed grant travels to
 * the handler in the socket's attributes.
 */
final class TicketHandshake implements HandshakeInterceptor {

    static final String GRANT = TicketHandshake.class.getName() + ".grant";

    private final BiFunction<AirlockPrincipal, String, Optional<?>> redeem;

    TicketHandshake(BiFunction<AirlockPrincipal, String, Optional<?>> redeem) {
        this.redeem = redeem;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request.getPrincipal() instanceof Authentication auth
                && auth.getPrincipal() instanceof AirlockPrincipal user)) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        String ticket = TunnelHandlers.query(request.getURI()).get("ticket");
        var grant = ticket == null || ticket.isBlank() ? Optional.empty() : redeem.apply(user, ticket);
        if (grant.isEmpty()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(GRANT, grant.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to undo: a redeemed ticket stays used
    }
}
