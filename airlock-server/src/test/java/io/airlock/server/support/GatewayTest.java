package io.airlock.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that talk to a whole running gateway over HTTP: real Tomcat, real security filters, an
 * H2 file database and the embedded object store in a fresh data directory. Subclasses share one
 * application context, so each test uses its own usernames.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTest {

    public static final String ADMIN_PASSWORD = "first-start-admin-password";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("airlock-test-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("airlock.data-dir", DATA::toString);
        registry.add("airlock.admin-password", () -> ADMIN_PASSWORD);
    }

    protected static Path dataDir() {
        return DATA;
    }

    protected GatewayClient client() {
        return new GatewayClient(port);
    }

    protected GatewayClient signedInAdmin() {
        var client = client();
        var reply = client.signIn("admin", ADMIN_PASSWORD);
        if (reply.status() != 200) {
            throw new IllegalStateException("admin sign-in failed: " + reply.status() + " " + reply.body());
        }
        return client;
    }

    /** A username no other test uses. */
    protected static String uniqueName(String stem) {
        return stem + "-" + NAMES.incrementAndGet();
    }

    /** Creates a user through the API as admin, then signs them in and sets their own password. */
    protected GatewayClient newSignedInUser(String username, String role) {
        String temporary = "temporary-password-1";
        var created = signedInAdmin().post("/api/users",
                Json.object("username", username, "displayName", username, "role", role, "password", temporary));
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created.status() + " " + created.body());
        }
        var client = client();
        client.signIn(username, temporary);
        var changed = client.post("/api/me/password",
                Json.object("currentPassword", temporary, "newPassword", ownPassword(username)));
        if (changed.status() != 204) {
            throw new IllegalStateException("password change failed: " + changed.status() + " " + changed.body());
        }
        return client;
    }

    protected static String ownPassword(String username) {
        return "own-password-of-" + username;
    }
}
