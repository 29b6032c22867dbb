package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * External S3 integrations through the API, against S3Mock behind a proxy that verifies request signatures
 * (S3Mock alone accepts any secret).
 */
@ExtendWith(OutputCaptureExtension.class)
class S3IntegrationApiTest extends GatewayTest {

    static final String BUCKET = "airlock-api";
    static final String ACCESS_KEY = "AKIAAIRLOCKAPITEST";
    static final String SECRET = "api-test-secret-Wn8vQ2xL5pR7";

    @TempDir
    static Path dir;
    static SigningCheckedS3 s3;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startStore() {
        s3 = SigningCheckedS3.start(dir, BUCKET, SECRET);
    }

    @AfterAll
    static void stopStore() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** Other tests share this gateway and expect the embedded store to be active. */
    @AfterEach
    void reactivateEmbeddedStore() {
        reactivateEmbedded(signedInAdmin());
    }

    static void reactivateEmbedded(GatewayClient admin) {
        long embedded = 0;
        for (JsonNode i : Json.parse(admin.get("/api/integrations").body())) {
            if (i.get("kind").asString().equals("EMBEDDED")) {
                embedded = i.get("id").asLong();
            }
        }
        admin.post("/api/integrations/" + embedded + "/check", "{}");
        var reply = admin.post("/api/integrations/" + embedded + "/activate", "{}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void adminCreatesChecksAndActivatesAnIntegrationWithoutTheSecretEverShowing(CapturedOutput output) {
        var admin = signedInAdmin();
        List<String> bodies = new ArrayList<>();

        var created = admin.post("/api/integrations", form(uniqueName("Plant bucket"), SECRET));
        bodies.add(created.body());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var integration = Json.parse(created.body());
        long id = integration.get("id").asLong();
        assertThat(integration.get("kind").asString()).isEqualTo("S3");
        assertThat(integration.get("prefix").asString()).isEqualTo("airlock/");
        assertThat(integration.get("credentialStored").asBoolean()).isTrue();
        assertThat(integration.get("active").asBoolean()).isFalse();
        assertThat(integration.get("activatable").asBoolean()).isFalse();

        var checked = admin.post("/api/integrations/" + id + "/check", "{}");
        bodies.add(checked.body());
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        var check = Json.parse(checked.body()).get("lastCheck");
        assertThat(check.get("passed").asBoolean()).isTrue();
        assertThat(check.get("taggingSupported").asBoolean()).isTrue();
        assertThat(check.get("checkedAt").asString()).isNotBlank();
        List<String> permissions = new ArrayList<>();
        for (JsonNode line : check.get("lines")) {
            permissions.add(line.get("permission").asString());
            assertThat(line.get("status").asString()).as(line.toString()).isEqualTo("OK");
        }
        assertThat(permissions).containsExactly("s3:PutObject", "s3:GetObject", "s3:ListBucket",
                "s3:GetObjectTagging", "s3:PutObjectTagging");

        var activated = admin.post("/api/integrations/" + id + "/activate", "{}");
        bodies.add(activated.body());
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        var list = admin.get("/api/integrations").body();
        bodies.add(list);
        for (JsonNode i : Json.parse(list)) {
            assertThat(i.get("active").asBoolean()).as(i.get("name").asString()).isEqualTo(i.get("id").asLong() == id);
        }
        assertThat(audit.recent(5)).extracting(AuditLog.Entry::action)
                .contains("storage.integration.activate", "storage.integration.deactivate");

        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(SECRET));
        assertThat(output.getAll()).doesNotContain(SECRET);
        String sealed = jdbc.sql("select secret_sealed from storage_integration where id = ?").param(id)
                .query(String.class).single();
        assertThat(sealed).startsWith("v1.").doesNotContain(SECRET);
    }

    @Test
    void anEditWithoutSecretKeepsItAndANewWrongSecretFailsTheCheck(CapturedOutput output) {
        var admin = signedInAdmin();
        long id = Json.parse(admin.post("/api/integrations", form(uniqueName("Edited"), SECRET)).body())
                .get("id").asLong();

        var renamed = admin.patch("/api/integrations/" + id, form(uniqueName("Renamed"), ""));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var keptSecret = Json.parse(admin.post("/api/integrations/" + id + "/check", "{}").body()).get("lastCheck");
        assertThat(keptSecret.get("passed").asBoolean()).isTrue();

        String wrong = "a-wrong-secret-Zq4mT9";
        admin.patch("/api/integrations/" + id, form(uniqueName("Broken"), wrong));
        var broken = admin.post("/api/integrations/" + id + "/check", "{}");
        var lines = Json.parse(broken.body()).get("lastCheck").get("lines");
        assertThat(lines.get(0).get("permission").asString()).isEqualTo("s3:PutObject");
        assertThat(lines.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(lines.get(0).get("errorCode").asString()).isEqualTo("SignatureDoesNotMatch");
        assertThat(lines.get(1).get("message").asString()).contains("secret access key does not belong");
        assertThat(Json.parse(broken.body()).get("lastCheck").get("passed").asBoolean()).isFalse();

        var refused = admin.post("/api/integrations/" + id + "/activate", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Json.parse(refused.body()).get("error").asString()).contains("latest check failed");
        assertThat(broken.body()).doesNotContain(wrong);
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(SECRET);
    }

    @Test
    void anIntegrationNeverCheckedCannotBeActivated() {
        var admin = signedInAdmin();
        long id = Json.parse(admin.post("/api/integrations", form(uniqueName("Unchecked"), SECRET)).body())
                .get("id").asLong();

        var refused = admin.post("/api/integrations/" + id + "/activate", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(Json.parse(refused.body()).get("error").asString()).contains("Check the integration");
    }

    @Test
    void invalidSettingsAreNamedPerField() {
        var admin = signedInAdmin();

        var noSecret = admin.post("/api/integrations", form(uniqueName("No secret"), ""));
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(Json.parse(noSecret.body()).get("fields").get("secretAccessKey").asString()).isNotBlank();

        var badBucket = admin.post("/api/integrations", Json.object("name", uniqueName("Bad bucket"), "endpoint",
                "ftp://example", "region", "us-east-1", "bucket", "Not_A_Bucket", "accessKeyId", ACCESS_KEY,
                "secretAccessKey", SECRET));
        assertThat(badBucket.status()).isEqualTo(400);
        var error = Json.parse(badBucket.body());
        assertThat(error.get("fields").has("endpoint")).isTrue();
        assertThat(badBucket.body()).doesNotContain(SECRET);
    }

    @Test
    void onlySystemAdminsManageIntegrations() {
        var accessAdmin = newSignedInUser(uniqueName("integrations-viewer"), "ACCESS_ADMIN");

        assertThat(accessAdmin.post("/api/integrations", form(uniqueName("Sneaky"), SECRET)).status()).isEqualTo(403);
        assertThat(accessAdmin.post("/api/integrations/1/deactivate", "{}").status()).isEqualTo(403);
    }

    @Test
    void theLastActiveIntegrationMayBeDeactivated() {
        var admin = signedInAdmin();
        long embedded = 0;
        for (JsonNode i : Json.parse(admin.get("/api/integrations").body())) {
            if (i.get("active").asBoolean()) {
                embedded = i.get("id").asLong();
            }
        }

        var reply = admin.post("/api/integrations/" + embedded + "/deactivate", "{}");

        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode i : Json.parse(admin.get("/api/integrations").body())) {
            assertThat(i.get("active").asBoolean()).isFalse();
        }
        assertThat(audit.recent(1).getFirst().action()).isEqualTo("storage.integration.deactivate");
    }

    @Test
    void theDatabaseRefusesASecondActiveIntegration() {
        var admin = signedInAdmin();
        long id = Json.parse(admin.post("/api/integrations", form(uniqueName("Second"), SECRET)).body())
                .get("id").asLong();

        assertThatThrownBy(() -> jdbc.sql("update storage_integration set active = true, active_marker = 1 where id = ?")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update storage_integration set active = true where id = ?")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static String form(String name, String secret) {
        return Json.object("name", name, "endpoint", s3.endpoint().toString(), "region", "us-east-1",
                "bucket", BUCKET, "prefix", "", "accessKeyId", ACCESS_KEY, "secretAccessKey", secret,
                "pathStyle", true);
    }
}
