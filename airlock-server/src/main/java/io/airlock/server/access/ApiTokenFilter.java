package io.airlock.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <personal API token>} as the token's owner,
 * for that request only: no HTTP session is made. Tokens are for scripts and SIEM export, so they read and
 * nothing else: a token never changes anything (and so needs no CSRF token), never opens or watches a
 * session (no WebSocket, no launch ticket), and never manages tokens or the account.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean reads = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!reads || !path.startsWith("/api/") || path.startsWith("/api/me/") || path.startsWith("/api/auth/")) {
            SecurityConfig.writeError(response, HttpServletResponse.SC_FORBIDDEN, "API tokens only read the API; "
                    + "sign in to the web UI to change anything or to open a session.");
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<UserAccount> account = tokens.account(token).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            SecurityConfig.writeError(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The API token is unknown, expired or revoked.");
            return;
        }
        var principal = new AirlockPrincipal(account.get());
        principal.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(new WithoutSession(request), response);
    }

    /**
     * The request as the rest of the chain sees it: asking for a session never makes one, so the security
     * context set here is not saved for later requests and no session cookie goes out.
     */
    private static final class WithoutSession extends HttpServletRequestWrapper {
        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }
}
