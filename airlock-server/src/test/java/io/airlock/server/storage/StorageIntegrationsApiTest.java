package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

class StorageIntegrationsApiTest extends GatewayTest {

    @Autowired
    StorageIntegrationRepository integrations;

    @Autowired
    StorageClients clients;

    @Test
    void embeddedStoreIsTheActiveIntegrationOnFirstRun() {
        var list = Json.parse(signedInAdmin().get("/api/integrations").body());

        // Other tests sharing this gateway add external integrations, and leave the embedded store active.
        JsonNode embedded = null;
        for (var integration : list) {
            if (integration.get("kind").asString().equals("EMBEDDED")) {
                embedded = integration;
            }
        }
        assertThat(embedded).isNotNull();
        assertThat(embedded.get("kind").asString()).isEqualTo("EMBEDDED");
        assertThat(embedded.get("kindLabel").asString()).isEqualTo("Embedded (local)");
        assertThat(embedded.get("active").asBoolean()).isTrue();
        assertThat(embedded.get("endpoint").asString()).startsWith("http://127.0.0.1:");
        assertThat(embedded.get("note").asString()).contains("own S3 bucket");
    }

    @Test
    void activeIntegrationIsReachableThroughTheS3Api() {
        var active = integrations.findActive().orElseThrow();
        var s3 = clients.clientFor(active);

        s3.putObject(b -> b.bucket(active.bucket()).key(active.prefix() + "probe"), RequestBody.fromString("ok"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(active.bucket()).key(active.prefix() + "probe")).asUtf8String())
                .isEqualTo("ok");
    }

    @Test
    void integrationsNeverShowCredentials() throws Exception {
        String body = signedInAdmin().get("/api/integrations").body();
        String secret = EmbeddedS3Store.loadOrCreateCredentials(
                dataDir().resolve("s3").resolve(EmbeddedS3Store.CREDENTIALS_FILE)).secretAccessKey();

        assertThat(body).doesNotContain(secret).doesNotContainIgnoringCase("\"secret");
    }

    @Test
    void onlySystemAdminsSeeIntegrations() {
        var user = newSignedInUser(uniqueName("viewer"), "ACCESS_ADMIN");

        assertThat(user.get("/api/integrations").status()).isEqualTo(403);
    }
}
