package io.airlock.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

class ActuatorAccessTest extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void nodesNameThisGatewayAliveWithItsLiveSessionsForSystemAdminsOnly() {
        assertThat(client().get("/actuator/nodes").status()).isEqualTo(401);
        assertThat(newSignedInUser(uniqueName("nosy"), "ACCESS_ADMIN").get("/actuator/nodes").status())
                .isEqualTo(403);
        var admin = signedInAdmin();
        JsonNode before = self(admin);
        assertThat(before.get("alive").asBoolean()).isTrue();

        // A session running on this node, as its history row says while it runs.
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into session_record (user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "bytes_to_equipment, bytes_from_equipment, node_id) values (1, 'u', 'c', 1, 'g', 1, 'a', 1, 'SSH', "
                + "'h', 22, false, 'NONE', current_timestamp, 0, 0, ?)").param(before.get("id").asString())
                .update(key, "id");
        long id = key.getKey().longValue();
        try {
            assertThat(self(admin).get("liveSessions").asLong()).isEqualTo(before.get("liveSessions").asLong() + 1);
        } finally {
            jdbc.sql("delete from session_record where id = ?").param(id).update();
        }
    }

    private static JsonNode self(GatewayClient admin) {
        var reply = admin.get("/actuator/nodes");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var self = Json.parse(reply.body()).valueStream().filter(n -> n.get("self").asBoolean()).toList();
        assertThat(self).hasSize(1);
        return self.getFirst();
    }
}
