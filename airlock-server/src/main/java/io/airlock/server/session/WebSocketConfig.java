package io.airlock.server.session;

import io.airlock.server.cluster.NodeAuth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session WebSockets. They need a signed-in session (Spring Security), a same-origin handshake
 * (the origin check here and the gateway-wide {@code SameOriginFilter}) and a single-use ticket, redeemed
 * at the handshake.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private final SessionService sessions;
    private final JsonMapper json;
    private final NodeAuth nodeAuth;

    WebSocketConfig(SessionService sessions, JsonMapper json, NodeAuth nodeAuth) {
        this.sessions = sessions;
        this.json = json;
        this.nodeAuth = nodeAuth;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // No allowed origins listed: Spring then accepts only the gateway's own origin.
        registry.addHandler(new TunnelHandlers.Terminal(sessions, json), "/ws/terminal")
                .addInterceptors(new TicketHandshake(sessions::redeemLaunch));
        registry.addHandler(new TunnelHandlers.MonitorEndpoint(sessions), "/ws/monitor")
                .addInterceptors(new TicketHandshake(sessions::redeemMonitor));
        // Other gateway nodes, which send no Origin and have no browser session: the node proof is the check.
        registry.addHandler(new TunnelHandlers.NodeMonitorEndpoint(sessions), MonitorRelay.PATH)
                .addInterceptors(new NodeHandshake(nodeAuth));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(TunnelHandlers.MAX_INPUT);
        container.setMaxTextMessageBufferSize(4096);
        // A session may sit idle for hours (an operator watching a PLC); the equipment side has keep-alives.
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }
}
