package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaleCsrfTokenTest extends GatewayTest {

    private static final String OUT_OF_DATE = "Your page is out of date, reload it.";

    @Test
    void postWithoutCsrfTokenIsToldToReloadThePage() {
        var admin = signedInAdmin();

        var reply = admin.postWithoutCsrf("/api/users", newUser());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(Json.parse(reply.body()).get("error").asString()).isEqualTo(OUT_OF_DATE);
    }

    @Test
    void postWithWrongCsrfTokenIsToldToReloadThePage() {
        var admin = signedInAdmin();

        var reply = admin.post("/api/users", newUser(), Map.of("X-XSRF-TOKEN", "not-the-token"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(Json.parse(reply.body()).get("error").asString()).isEqualTo(OUT_OF_DATE);
    }

    @Test
    void tokenFromBeforeSignInIsToldToReloadThePage() {
        var client = client();
        client.get("/api/session");
        String beforeSignIn = client.cookie("XSRF-TOKEN");
        client.signIn("admin", ADMIN_PASSWORD);

        var reply = client.post("/api/users", newUser(), Map.of("X-XSRF-TOKEN", beforeSignIn));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains(OUT_OF_DATE);
    }

    @Test
    void forbiddenActionStillSaysItIsNotAllowed() {
        var user = newSignedInUser(uniqueName("plain"), "USER");

        var reply = user.get("/actuator/metrics");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("You are not allowed to do this.").doesNotContain("out of date");
    }

    private static String newUser() {
        return Json.object("username", uniqueName("csrf"), "displayName", "x", "role", "USER",
                "password", "a-long-enough-password");
    }
}
