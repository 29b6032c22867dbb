package io.airlock.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Binds an authentication to the HTTP session the way Spring Security's own login filters do: a new
 * session id (no fixation), a new CSRF token, and the security context saved for later requests.
 */
@Component
class SignInSession {

    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;
    private final UserRepository users;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInSession(SessionAuthenticationStrategy sessionStrategy, SecurityContextRepository contextRepository,
            UserRepository users) {
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
        this.users = users;
    }

    void establish(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        sessionStrategy.onAuthentication(authentication, request, response);
        save(authentication, request, response);
        renderCsrfToken(request);
    }

    /** Replaces the session's principal with the account as it is stored now. */
    void refresh(long userId, HttpServletRequest request, HttpServletResponse response) {
        users.findById(userId).ifPresent(account -> {
            var principal = new AirlockPrincipal(account);
            principal.eraseCredentials();
            save(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()),
                    request, response);
        });
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    private static void renderCsrfToken(HttpServletRequest request) {
        // The token was rotated at sign-in; reading it writes the new cookie into this response.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
