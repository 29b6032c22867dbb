package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInTest extends GatewayTest {

    @Test
    void adminSignsInWithTheFirstStartPassword() {
        var client = client();
        var reply = client.signIn("admin", ADMIN_PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        var body = Json.parse(reply.body());
        assertThat(body.get("authenticated").asBoolean()).isTrue();
        assertThat(body.get("user").get("role").asString()).isEqualTo("SYSTEM_ADMIN");
        assertThat(Json.parse(client.get("/api/session").body()).get("user").get("username").asString())
                .isEqualTo("admin");
    }

    @Test
    void usernameIsCaseInsensitive() {
        assertThat(client().signIn("ADMIN", ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String name = uniqueName("enum");
        newSignedInUser(name, "USER");

        var wrongPassword = client().signIn(name, "not-the-password");
        var unknownUser = client().signIn(uniqueName("nobody"), "not-the-password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body())
                .contains("Invalid username or password.");
    }

    @Test
    void tenWrongAttemptsInARowAreThrottledEvenForTheRightPassword() {
        String name = uniqueName("throttled");
        newSignedInUser(name, "USER");
        var client = client();
        for (int i = 1; i <= 9; i++) {
            assertThat(client.signIn(name, "wrong-" + i).status()).as("attempt %d", i).isEqualTo(401);
        }

        var tenth = client.signIn(name, "wrong-10");
        var rightPasswordNow = client.signIn(name, ownPassword(name));

        assertThat(tenth.status()).isEqualTo(429);
        assertThat(tenth.headers().firstValue("Retry-After")).isPresent();
        assertThat(Json.parse(tenth.body()).get("retryAfterSeconds").asLong()).isPositive();
        assertThat(rightPasswordNow.status()).isEqualTo(429);
        assertThat(rightPasswordNow.body()).contains("Too many failed sign-in attempts");
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnes() {
        String name = uniqueName("ghost");
        var client = client();
        for (int i = 1; i <= 9; i++) {
            client.signIn(name, "wrong-" + i);
        }
        assertThat(client.signIn(name, "wrong-10").status()).isEqualTo(429);
    }

    @Test
    void apiNeedsASignedInSession() {
        var reply = client().get("/api/users");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("Sign in to continue.");
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        var client = client();
        client.get("/api/session");

        var reply = client.postWithoutCsrf("/api/auth/login",
                Json.object("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void stateChangeFromAnotherSiteIsRefusedEvenWithToken() {
        var client = signedInAdmin();

        var reply = client.post("/api/users", Json.object("username", uniqueName("x"), "role", "USER",
                "password", "a-long-enough-password"), Map.of("Origin", "https://evil.example"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("another site");
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrictSameSiteAndRotatesAtSignIn() {
        var client = client();
        var before = client.get("/api/session");
        String tokenBefore = client.cookie("XSRF-TOKEN");

        var reply = client.signIn("admin", ADMIN_PASSWORD);

        String setCookie = String.join("\n", reply.headers().allValues("Set-Cookie"));
        assertThat(setCookie).containsPattern("AIRLOCK_SESSION=[^;]+;.*HttpOnly").contains("SameSite=Strict");
        assertThat(before.status()).isEqualTo(200);
        assertThat(client.cookie("XSRF-TOKEN")).isNotNull().isNotEqualTo(tokenBefore);
    }

    @Test
    void signOutEndsTheSession() {
        var client = signedInAdmin();

        assertThat(client.post("/api/auth/logout", "").status()).isEqualTo(204);
        assertThat(client.get("/api/users").status()).isEqualTo(401);
        assertThat(Json.parse(client.get("/api/session").body()).get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void userWhoMustChangePasswordCanDoNothingElseFirst() {
        String name = uniqueName("fresh");
        signedInAdmin().post("/api/users", Json.object("username", name, "role", "SYSTEM_ADMIN",
                "password", "temporary-password-1"));
        var client = client();
        var signedIn = client.signIn(name, "temporary-password-1");

        assertThat(Json.parse(signedIn.body()).get("user").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(client.get("/api/users").status()).isEqualTo(403);

        var tooShort = client.post("/api/me/password",
                Json.object("currentPassword", "temporary-password-1", "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(Json.parse(tooShort.body()).get("fields").get("newPassword").asString()).contains("12");

        assertThat(client.post("/api/me/password",
                Json.object("currentPassword", "temporary-password-1", "newPassword", "a-new-long-password"))
                .status()).isEqualTo(204);
        assertThat(client.get("/api/users").status()).isEqualTo(200);
        assertThat(Json.parse(client.get("/api/session").body()).get("user").get("mustChangePassword").asBoolean())
                .isFalse();
    }

    @Test
    void singlePageAppRoutesServeTheAppAndItsFilesStayFiles() {
        var route = client().get("/admin/users");
        var script = route.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");

        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).contains("<div id=\"root\">");
        var js = client().get(script);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(client().get("/assets/missing.js").status()).isEqualTo(404);
        assertThat(signedInAdmin().get("/api/no-such-endpoint").status()).isEqualTo(404);
    }
}
