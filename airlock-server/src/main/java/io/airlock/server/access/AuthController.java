package io.airlock.server.access;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, the current session, and changing one's own password. Sign-out is Spring Security's filter. */
@RestController
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    static final String INVALID_CREDENTIALS = "Invalid username or password.";

    private final AuthenticationManager authenticationManager;
    private final SignInSession signInSession;
    private final LoginThrottle throttle;
    private final UserRepository users;
    private final UserService userService;
    private final AuditLog audit;
    private final Clock clock;

    AuthController(AuthenticationManager authenticationManager, SignInSession signInSession, LoginThrottle throttle,
            UserRepository users, UserService userService, AuditLog audit, Clock clock) {
        this.authenticationManager = authenticationManager;
        this.signInSession = signInSession;
        this.throttle = throttle;
        this.users = users;
        this.userService = userService;
        this.audit = audit;
        this.clock = clock;
    }

    record Credentials(String username, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping("/api/session")
    SessionView session(@AuthenticationPrincipal AirlockPrincipal me, CsrfToken csrf) {
        // Reading the token makes the filter write the XSRF-TOKEN cookie the browser will echo back.
        csrf.getToken();
        return me == null ? SessionView.anonymous() : SessionView.of(me);
    }

    @PostMapping("/api/auth/login")
    ResponseEntity<Object> login(@RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) {
        String username = UsernameRules.normalize(credentials.username());
        String address = request.getRemoteAddr();
        var wait = throttle.retryAfter(username, address);
        if (wait.isPresent()) {
            return throttled(wait.get());
        }
        Authentication result;
        try {
            result = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    username, credentials.password() == null ? "" : credentials.password()));
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            // The address is logged, never the name typed: people paste passwords into the wrong field.
            log.info("Sign-in failed from {}", address);
            return throttle.retryAfter(username, address).map(AuthController::throttled)
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                            .body(ApiError.of(INVALID_CREDENTIALS)));
        }
        throttle.recordSuccess(username);
        AirlockPrincipal me = (AirlockPrincipal) result.getPrincipal();
        signInSession.establish(result, request, response);
        users.recordLogin(me.id(), clock.instant());
        audit.record(me.getUsername(), "auth.login", "from " + address);
        return ResponseEntity.ok(SessionView.of(me));
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal AirlockPrincipal me, @RequestBody PasswordChange change,
            HttpServletRequest request, HttpServletResponse response) {
        userService.changeOwnPassword(me, change.currentPassword(), change.newPassword());
        signInSession.refresh(me.id(), request, response);
    }

    private static ResponseEntity<Object> throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new ApiError("Too many failed sign-in attempts. Try again in " + seconds + " seconds.", null,
                        seconds));
    }
}
