package io.airlock.server.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AssetsApiTest extends GatewayTest {

    @Autowired
    AssetRepository assets;

    @Autowired
    CredentialVault vault;

    @Test
    void storedPasswordIsSealedAndNeverReturned() {
        var admin = signedInAdmin();
        var asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("PLC"), "host", "10.0.0.7",
                "site", "Plant 1", "zone", "Line 3")).body());

        var created = admin.post("/api/assets/" + asset.get("id").asLong() + "/methods",
                Json.object("protocol", "SSH", "username", "engineer", "password", "plc-secret-pw"));

        assertThat(created.status()).isEqualTo(201);
        var method = Json.parse(created.body());
        assertThat(method.get("port").asInt()).isEqualTo(22);
        assertThat(method.get("credential").asString()).isEqualTo("PASSWORD");
        assertThat(created.body()).doesNotContain("plc-secret-pw").doesNotContain("v1.");
        assertThat(admin.get("/api/assets").body()).doesNotContain("plc-secret-pw");
        var stored = assets.findMethod(method.get("id").asLong()).orElseThrow();
        assertThat(stored.credentialSealed()).doesNotContain("plc-secret-pw");
        assertThat(vault.open(stored.credentialSealed(), stored.credentialContext())).isEqualTo("plc-secret-pw");
        assertThat(stored.toString()).doesNotContain(stored.credentialSealed());
    }

    @Test
    void emptyPasswordOnEditKeepsTheStoredOne() {
        var admin = signedInAdmin();
        long assetId = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("RTU"), "host", "rtu.local"))
                .body()).get("id").asLong();
        long methodId = Json.parse(admin.post("/api/assets/" + assetId + "/methods",
                Json.object("protocol", "TELNET", "username", "op", "password", "keep-me")).body()).get("id").asLong();

        var edited = admin.put("/api/methods/" + methodId, Json.object("protocol", "TELNET", "port", 2323,
                "username", "op", "password", ""));

        assertThat(edited.status()).isEqualTo(200);
        var stored = assets.findMethod(methodId).orElseThrow();
        assertThat(stored.port()).isEqualTo(2323);
        assertThat(vault.open(stored.credentialSealed(), stored.credentialContext())).isEqualTo("keep-me");
    }

    @Test
    void hostThatCouldSmuggleOptionsIsRefused() {
        var reply = signedInAdmin().post("/api/assets",
                Json.object("name", uniqueName("evil"), "host", "-oProxyCommand=touch /tmp/x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Json.parse(reply.body()).get("fields").has("host")).isTrue();
    }

    @Test
    void changedHostKeyWaitsForAnAdminToAcceptIt() {
        var admin = signedInAdmin();
        long assetId = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("HMI"), "host", "hmi"))
                .body()).get("id").asLong();
        long methodId = Json.parse(admin.post("/api/assets/" + assetId + "/methods",
                Json.object("protocol", "SSH")).body()).get("id").asLong();
        assets.pinHostKey(methodId, "SHA256:old");
        assets.recordPendingHostKey(methodId, "SHA256:new");

        assertThat(admin.post("/api/methods/" + methodId + "/host-key/accept",
                Json.object("fingerprint", "SHA256:other")).status()).isEqualTo(409);
        var accepted = admin.post("/api/methods/" + methodId + "/host-key/accept",
                Json.object("fingerprint", "SHA256:new"));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(Json.parse(accepted.body()).get("hostKey").get("fingerprint").asString()).isEqualTo("SHA256:new");
        assertThat(assets.findMethod(methodId).orElseThrow().hostKeyPending()).isNull();
    }

    @Test
    void askingTheUserStoresNoSecretAndKeepsTheUsername() {
        var admin = signedInAdmin();
        long methodId = id(admin.post("/api/assets/" + asset(admin, "PLC") + "/methods",
                Json.object("protocol", "SSH", "username", "engineer", "password", "stored-before")));

        var edited = admin.put("/api/methods/" + methodId, Json.object("protocol", "SSH", "username", "engineer",
                "credential", "ASK_USER"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(Json.parse(edited.body()).get("credential").asString()).isEqualTo("ASK_USER");
        var stored = assets.findMethod(methodId).orElseThrow();
        assertThat(stored.credentialKind()).isEqualTo(CredentialKind.ASK_USER);
        assertThat(stored.credentialSealed()).isNull();
        assertThat(stored.username()).isEqualTo("engineer");
    }

    @Test
    void askingTheUserNeedsNoUsernameAndRefusesASecret() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "HMI");

        var created = admin.post("/api/assets/" + assetId + "/methods",
                Json.object("protocol", "TELNET", "credential", "ASK_USER"));
        var withSecret = admin.post("/api/assets/" + assetId + "/methods",
                Json.object("protocol", "TELNET", "credential", "ASK_USER", "password", "not-to-be-kept"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(Json.parse(created.body()).get("username").isNull()).isTrue();
        assertThat(Json.parse(created.body()).get("credential").asString()).isEqualTo("ASK_USER");
        assertThat(withSecret.status()).isEqualTo(400);
        assertThat(Json.parse(withSecret.body()).get("fields").has("password")).isTrue();
        assertThat(withSecret.body()).doesNotContain("not-to-be-kept");
    }

    @Test
    void switchingToAPasswordNeedsOneUnlessAPasswordIsStored() {
        var admin = signedInAdmin();
        long methodId = id(admin.post("/api/assets/" + asset(admin, "RTU") + "/methods",
                Json.object("protocol", "SSH", "credential", "ASK_USER")));

        var withoutPassword = admin.put("/api/methods/" + methodId,
                Json.object("protocol", "SSH", "credential", "PASSWORD"));
        var withPassword = admin.put("/api/methods/" + methodId,
                Json.object("protocol", "SSH", "credential", "PASSWORD", "password", "now-stored"));
        var keepingIt = admin.put("/api/methods/" + methodId,
                Json.object("protocol", "SSH", "port", 2022, "credential", "PASSWORD"));

        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(Json.parse(withoutPassword.body()).get("fields").get("password").asString())
                .isEqualTo("Enter the password.");
        assertThat(withPassword.status()).isEqualTo(200);
        assertThat(keepingIt.status()).isEqualTo(200);
        var stored = assets.findMethod(methodId).orElseThrow();
        assertThat(stored.port()).isEqualTo(2022);
        assertThat(vault.open(stored.credentialSealed(), stored.credentialContext())).isEqualTo("now-stored");
    }

    private long asset(GatewayClient admin, String stem) {
        return id(admin.post("/api/assets", Json.object("name", uniqueName(stem), "host", "10.0.0.8")));
    }

    private static long id(GatewayClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return Json.parse(reply.body()).get("id").asLong();
    }
}
