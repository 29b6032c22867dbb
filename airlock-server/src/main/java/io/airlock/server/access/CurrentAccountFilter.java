package io.airlock.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session in step with its stored account on every API call: a disabled or deleted user, or one
 * whose password an admin reset, loses the session at once, a changed role takes effect at once, and a user who must change their password
 * can do nothing else until they have.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    /** What a user who must change their password may still call. */
    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE =
            Set.of("/api/session", "/api/me/password", "/api/auth/logout");

    private final UserRepository users;
    private final SignInSession signInSession;

    CurrentAccountFilter(UserRepository users, SignInSession signInSession) {
        this.users = users;
        this.signInSession = signInSession;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/ws/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AirlockPrincipal principal) {
            Optional<UserAccount> current = users.findById(principal.id());
            if (current.isEmpty() || !current.get().enabled() || principal.passwordChangedSince(current.get())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                if (principal.isStaleFor(current.get())) {
                    signInSession.refresh(principal.id(), request, response);
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (current.get().mustChangePassword() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path)) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":\"Change your password before continuing.\"}");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
