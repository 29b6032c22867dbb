package io.airlock.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests whose {@code Origin} names another site: a second wall behind the CSRF
 * token. Browsers always send Origin on cross-site POSTs and on WebSocket handshakes; requests without it
 * (same-origin GETs, non-browser clients) are left to the CSRF check.
 */
public final class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> extraAllowedOrigins;

    public SameOriginFilter(List<String> extraAllowedOrigins) {
        this.extraAllowedOrigins = extraAllowedOrigins.stream().map(SameOriginFilter::normalize).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean guarded = !SAFE_METHODS.contains(request.getMethod()) || isWebSocketHandshake(request);
        if (guarded && origin != null && !isAllowed(origin, request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Requests from another site are not accepted.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** True when the origin is this server's own, as the browser addressed it, or explicitly allowed. */
    public boolean isAllowed(String origin, HttpServletRequest request) {
        String normalized = normalize(origin);
        return normalized.equals(ownOrigin(request)) || extraAllowedOrigins.contains(normalized);
    }

    private static boolean isWebSocketHandshake(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalize(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + host + ":" + port;
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }
}
