package io.airlock.server.access;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.config.AirlockProperties;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start (no users at all) creates the System Admin {@code admin}. Its password is
 * {@code AIRLOCK_ADMIN_PASSWORD} when set; otherwise a random one is printed once to the console — not to
 * the log — and must be changed at first sign-in.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AirlockProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final PrintStream console;

    BootstrapAdmin(UserRepository users, PasswordEncoder passwords, AirlockProperties properties, AuditLog audit,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.console = System.out;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String given = properties.adminPassword();
        boolean generated = given.isEmpty();
        if (!generated) {
            String problem = PasswordPolicy.problem(given, USERNAME);
            if (problem != null) {
                throw new IllegalStateException("AIRLOCK_ADMIN_PASSWORD is not acceptable: " + problem);
            }
        }
        String password = generated ? randomPassword() : given;
        users.insert(USERNAME, "Administrator", passwords.encode(password), Role.SYSTEM_ADMIN, generated,
                clock.instant());
        audit.record("system", "user.create", USERNAME + " as " + Role.SYSTEM_ADMIN + " (first start)");
        if (generated) {
            console.printf("%n==================================================================%n"
                    + "  Airlock first start: System Admin account created%n"
                    + "    username: %s%n    password: %s%n"
                    + "  This password is shown only once. Sign in and change it now.%n"
                    + "==================================================================%n%n", USERNAME, password);
        } else {
            log.info("Created System Admin '{}' with the password from AIRLOCK_ADMIN_PASSWORD", USERNAME);
        }
    }

    static String randomPassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
