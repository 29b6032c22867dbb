package io.airlock.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;

class ActuatorAccessTest extends GatewayTest {

    @Test
    void healthIsPublicWithoutDetails() {
        var reply = client().get("/actuator/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.parse(reply.body()).get("status").asString()).isEqualTo("UP");
        assertThat(reply.body()).doesNotContain("storage");
    }

    @Test
    void systemAdminSeesHealthDetailsIncludingStorage() {
        var reply = signedInAdmin().get("/actuator/health");

        var storage = Json.parse(reply.body()).get("components").get("storage");
        assertThat(storage.get("status").asString()).isEqualTo("UP");
        assertThat(storage.get("details").get("integration").asString()).isEqualTo("Embedded (local)");
    }

    @Test
    void metricsAreForSystemAdminsOnly() {
        assertThat(client().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(newSignedInUser(uniqueName("curious"), "USER").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(signedInAdmin().get("/actuator/metrics").status()).isEqualTo(200);
    }
}
