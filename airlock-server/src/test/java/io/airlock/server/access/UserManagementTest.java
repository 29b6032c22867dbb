package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserManagementTest extends GatewayTest {

    @Autowired
    AuditLog audit;

    @Test
    void systemAdminCreatesUserWhoSignsInWithTheTemporaryPassword() {
        String name = uniqueName("operator");
        var created = signedInAdmin().post("/api/users", Json.object("username", name, "displayName", "Plant Operator",
                "role", "USER", "password", "temporary-password-1"));

        assertThat(created.status()).isEqualTo(201);
        var user = Json.parse(created.body());
        assertThat(user.get("displayName").asString()).isEqualTo("Plant Operator");
        assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("temporary-password-1").doesNotContainIgnoringCase("hash");
        assertThat(client().signIn(name, "temporary-password-1").status()).isEqualTo(200);
        assertThat(audit.recent(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("user.create");
            assertThat(e.detail()).contains(name);
        });
    }

    @Test
    void duplicateUsernameIsAConflict() {
        String name = uniqueName("twice");
        var admin = signedInAdmin();
        admin.post("/api/users", Json.object("username", name, "role", "USER", "password", "temporary-password-1"));

        var again = admin.post("/api/users",
                Json.object("username", name.toUpperCase(), "role", "USER", "password", "temporary-password-1"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Username already exists.");
    }

    @Test
    void invalidFieldsAreNamed() {
        var reply = signedInAdmin().post("/api/users",
                Json.object("username", "bad name!", "role", "USER", "password", "temporary-password-1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Json.parse(reply.body()).get("fields").has("username")).isTrue();
    }

    @Test
    void disabledUserCannotSignInAndLosesTheirSession() {
        String name = uniqueName("leaver");
        var user = newSignedInUser(name, "USER");
        var admin = signedInAdmin();
        long id = idOf(admin, name);

        var disabled = admin.patch("/api/users/" + id, Json.object("enabled", false));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(user.get("/api/users").status()).isEqualTo(401);
        assertThat(client().signIn(name, ownPassword(name)).status()).isEqualTo(401);
    }

    @Test
    void roleChangeTakesEffectInTheRunningSession() {
        String name = uniqueName("promoted");
        var user = newSignedInUser(name, "USER");
        assertThat(user.get("/api/users").status()).isEqualTo(403);

        signedInAdmin().patch("/api/users/" + idOf(signedInAdmin(), name), Json.object("role", "SYSTEM_ADMIN"));

        assertThat(user.get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void resetPasswordForcesAChangeAtNextSignIn() {
        String name = uniqueName("forgetful");
        newSignedInUser(name, "ACCESS_ADMIN");
        var admin = signedInAdmin();

        var reset = admin.post("/api/users/" + idOf(admin, name) + "/password",
                Json.object("newPassword", "reset-by-admin-1"));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(client().signIn(name, ownPassword(name)).status()).isEqualTo(401);
        var signedIn = client().signIn(name, "reset-by-admin-1");
        assertThat(Json.parse(signedIn.body()).get("user").get("mustChangePassword").asBoolean()).isTrue();
    }

    @Test
    void resetPasswordEndsTheUsersOpenSessionsButOwnChangeKeepsTheCurrentOne() {
        String name = uniqueName("reset-while-in");
        var user = newSignedInUser(name, "USER");
        assertThat(user.get("/api/session").body()).contains("\"authenticated\":true");
        assertThat(user.post("/api/me/password", Json.object("currentPassword", ownPassword(name),
                "newPassword", "changed-by-self-1")).status()).isEqualTo(204);
        assertThat(user.get("/api/session").body()).as("own change keeps the session")
                .contains("\"authenticated\":true");

        var admin = signedInAdmin();
        admin.post("/api/users/" + idOf(admin, name) + "/password", Json.object("newPassword", "reset-by-admin-2"));

        assertThat(user.get("/api/session").body()).contains("\"authenticated\":false");
    }

    @Test
    void adminCannotDisableOrDemoteThemselves() {
        var admin = signedInAdmin();
        long self = idOf(admin, "admin");

        assertThat(admin.patch("/api/users/" + self, Json.object("enabled", false)).status()).isEqualTo(400);
        assertThat(admin.patch("/api/users/" + self, Json.object("role", "USER")).status()).isEqualTo(400);
    }

    @Test
    void onlySystemAdminsManageUsers() {
        for (String role : new String[] {"USER", "ACCESS_ADMIN"}) {
            var client = newSignedInUser(uniqueName(role.toLowerCase()), role);
            assertThat(client.get("/api/users").status()).as(role + " lists").isEqualTo(403);
            assertThat(client.post("/api/users", Json.object("username", uniqueName("x"), "role", "SYSTEM_ADMIN",
                    "password", "temporary-password-1")).status()).as(role + " creates").isEqualTo(403);
            assertThat(client.patch("/api/users/1", Json.object("enabled", false)).status())
                    .as(role + " disables").isEqualTo(403);
            assertThat(client.post("/api/users/1/password", Json.object("newPassword", "temporary-password-2"))
                    .status()).as(role + " resets").isEqualTo(403);
        }
    }

    private static long idOf(io.airlock.server.support.GatewayClient admin, String username) {
        for (var user : Json.parse(admin.get("/api/users").body())) {
            if (user.get("username").asString().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + username);
    }
}
