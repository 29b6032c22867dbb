package io.airlock.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;

class ApiDocumentTest extends GatewayTest {

    @Test
    void signedInUsersReadTheApiDocument() {
        var reply = newSignedInUser(uniqueName("reader"), "USER").get("/api/docs");

        assertThat(reply.status()).isEqualTo(200);
        var document = Json.parse(reply.body());
        assertThat(document.get("paths").has("/api/users")).isTrue();
        assertThat(document.get("components").get("schemas").has("UserView")).isTrue();
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
    }

    @Test
    void recordComponentsAreRequiredAndOnlyNullableOnesMayBeNull() {
        var schemas = Json.parse(newSignedInUser(uniqueName("reader"), "USER").get("/api/docs").body())
                .get("components").get("schemas");

        var user = schemas.get("UserView");
        assertThat(user.get("required").toString()).contains("\"username\"", "\"lastLoginAt\"");
        assertThat(user.get("properties").get("username").has("anyOf")).isFalse();
        assertThat(user.get("properties").get("lastLoginAt").get("anyOf").toString()).contains("\"null\"");
        // A request may leave out what may be null: an asset's description, not its name.
        var asset = schemas.get("AssetRequest");
        assertThat(asset.get("required").toString()).contains("\"name\"").doesNotContain("\"description\"");
    }

    @Test
    void answersAreJsonAndTheInjectedCsrfTokenIsNoParameter() {
        var session = Json.parse(newSignedInUser(uniqueName("reader"), "USER").get("/api/docs").body())
                .get("paths").get("/api/session").get("get");

        assertThat(session.has("parameters")).isFalse();
        assertThat(session.get("responses").get("200").get("content").has("application/json")).isTrue();
    }

    @Test
    void theApiIsBrowsableForSignedInUsers() {
        var reader = newSignedInUser(uniqueName("browser"), "USER");
        var page = reader.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        var config = reader.get("/api/docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api/docs");
        assertThat(client().get("/api/docs/swagger-config").status()).isEqualTo(401);
    }

    @Test
    void anonymousVisitorsDoNotReadTheApiDocument() {
        assertThat(client().get("/api/docs").status()).isEqualTo(401);
    }
}
