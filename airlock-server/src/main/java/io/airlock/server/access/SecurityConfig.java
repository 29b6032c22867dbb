package io.airlock.server.access;

import io.airlock.server.web.SameOriginFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what over HTTP. The single-page app and its assets are public; the JSON API needs a
 * session; feature services check roles themselves with method security, so this is the outer wall only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String SESSION_COOKIE = "AIRLOCK_SESSION";
    static final String PAGE_OUT_OF_DATE = "Your page is out of date, reload it.";

    private static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "media-src 'self' blob:",
            "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'");

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: hashes carry their algorithm id, so a stronger default later upgrades without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository(@Value("${airlock.secure-cookies:false}") boolean secureCookies) {
        var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(c -> {
            c.sameSite("Strict").path("/");
            if (secureCookies) {
                c.secure(true); // otherwise Secure follows the connection, as the session cookie does
            }
        });
        return repository;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy(CookieCsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CookieCsrfTokenRepository csrfTokens,
            SecurityContextRepository contexts, SessionAuthenticationStrategy sessionStrategy,
            UserRepository users, SignInSession signInSession, ApiTokens tokens,
            @Value("${airlock.allowed-origins:}") String allowedOrigins) throws Exception {
        http
            .csrf(csrf -> csrf
                    .csrfTokenRepository(csrfTokens)
                    // Plain tokens: the SPA echoes the cookie; the token never appears in a response body.
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .sessionAuthenticationStrategy(sessionStrategy))
            .securityContext(c -> c.securityContextRepository(contexts))
            .sessionManagement(s -> s.sessionAuthenticationStrategy(sessionStrategy))
            .authorizeHttpRequests(a -> a
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/actuator/**").hasRole(Role.SYSTEM_ADMIN.name())
                    .requestMatchers(HttpMethod.GET, "/api/session").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                    .requestMatchers("/api/**", "/ws/**").authenticated()
                    .anyRequest().permitAll())
            .exceptionHandling(e -> e
                    .authenticationEntryPoint((req, res, ex) ->
                            writeError(res, HttpServletResponse.SC_UNAUTHORIZED, "Sign in to continue."))
                    .accessDeniedHandler((req, res, ex) ->
                            writeError(res, HttpServletResponse.SC_FORBIDDEN, refusal(ex))))
            .logout(l -> l
                    .logoutUrl("/api/auth/logout")
                    .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT))
                    .deleteCookies(SESSION_COOKIE))
            .formLogin(f -> f.disable())
            .httpBasic(b -> b.disable())
            .requestCache(c -> c.disable())
            .headers(h -> h
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
            .addFilterBefore(new SameOriginFilter(split(allowedOrigins)), CsrfFilter.class)
            .addFilterAfter(new ApiTokenFilter(tokens), SecurityContextHolderFilter.class)
            .addFilterAfter(new CurrentAccountFilter(users, signInSession), ApiTokenFilter.class);
        return http.build();
    }

    /**
     * A missing or stale CSRF token almost always means a tab opened before a sign-in or sign-out rotated
     * the cookie, not a forbidden action: say what fixes it.
     */
    static String refusal(AccessDeniedException denied) {
        if (denied instanceof MissingCsrfTokenException || denied instanceof InvalidCsrfTokenException) {
            return PAGE_OUT_OF_DATE;
        }
        return "You are not allowed to do this.";
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static void writeError(HttpServletResponse response, int status, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
