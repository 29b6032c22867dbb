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
    void anonymousVisitorsDoNotReadTheApiDocument() {
        assertThat(client().get("/api/docs").status()).isEqualTo(401);
    }
}
