package io.airlock.server.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.connector.TelnetPrompts;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The character set and Telnet prompt patterns an administrator stores with an access method. */
class AccessMethodTerminalSettingsApiTest extends GatewayTest {

    @Autowired
    AssetRepository assets;

    @Test
    void telnetMethodKeepsItsCharacterSetAndPromptPatternsWithDefaultsForTheRest() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Switch");

        var created = admin.post("/api/assets/" + assetId + "/methods", Json.object("protocol", "TELNET",
                "charset", "cp437", "telnetUsernamePrompt", "Operator ID:\\s*$", "telnetFailurePrompt", "",
                "telnetSuccessPrompt", "  "));

        assertThat(created.status()).isEqualTo(201);
        var view = Json.parse(created.body());
        assertThat(view.get("charset").asString()).isEqualTo("IBM437");
        assertThat(view.get("telnetPrompts").get("username").asString()).isEqualTo("Operator ID:\\s*$");
        assertThat(view.get("telnetPrompts").get("failure").isNull()).isTrue();
        var stored = assets.findMethod(view.get("id").asLong()).orElseThrow();
        assertThat(stored.charset().name()).isEqualTo("IBM437");
        assertThat(stored.telnetPrompts()).isEqualTo(new TelnetPrompts("Operator ID:\\s*$",
                TelnetPrompts.DEFAULTS.password(), TelnetPrompts.DEFAULTS.success(), TelnetPrompts.DEFAULTS.failure()));
    }

    @Test
    void methodWithoutACharacterSetIsUtf8AndOnlyTelnetKeepsPromptPatterns() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Router");

        var ssh = Json.parse(admin.post("/api/assets/" + assetId + "/methods", Json.object("protocol", "SSH",
                "telnetPasswordPrompt", "PIN:")).body());

        assertThat(ssh.get("charset").asString()).isEqualTo("UTF-8");
        assertThat(ssh.get("telnetPrompts").get("password").isNull()).isTrue();
        var stored = assets.findMethod(ssh.get("id").asLong()).orElseThrow();
        assertThat(stored.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(stored.telnetPrompts()).isEqualTo(TelnetPrompts.DEFAULTS);
    }

    @Test
    void editingChangesTheCharacterSetAndClearsAPatternLeftEmpty() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Drive");
        long methodId = Json.parse(admin.post("/api/assets/" + assetId + "/methods", Json.object("protocol", "TELNET",
                "charset", "ISO-8859-1", "telnetSuccessPrompt", "READY>")).body()).get("id").asLong();

        var edited = admin.put("/api/methods/" + methodId, Json.object("protocol", "TELNET", "charset", "Shift_JIS",
                "telnetSuccessPrompt", ""));

        assertThat(edited.status()).isEqualTo(200);
        var stored = assets.findMethod(methodId).orElseThrow();
        assertThat(stored.terminal()).isEqualTo(new TerminalSettings("Shift_JIS", null, null, null, null));
    }

    @Test
    void unknownOrUnfitCharacterSetIsAFieldError() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Scale");

        for (String charset : new String[] {"Klingon-8", "UTF-16", "IBM037"}) { // unknown, not ASCII, EBCDIC
            var reply = addMethod(admin, assetId, "protocol", "SSH", "charset", charset);

            assertThat(reply.status()).as(charset).isEqualTo(400);
            assertThat(Json.parse(reply.body()).get("fields").get("charset").asString()).as(charset)
                    .contains(charset.equals("Klingon-8") ? "UTF-8" : "ASCII");
        }
        assertThat(admin.get("/api/assets").body()).doesNotContain("Klingon");
    }

    @Test
    void promptPatternThatDoesNotCompileOrIsTooLongIsAFieldError() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Panel");

        var broken = addMethod(admin, assetId, "protocol", "TELNET", "telnetUsernamePrompt", "(login");
        var tooLong = addMethod(admin, assetId, "protocol", "TELNET", "telnetFailurePrompt",
                "x".repeat(TerminalSettingsRules.MAX_PATTERN + 1));
        var longest = addMethod(admin, assetId, "protocol", "TELNET", "telnetFailurePrompt",
                "x".repeat(TerminalSettingsRules.MAX_PATTERN));

        assertThat(broken.status()).isEqualTo(400);
        assertThat(Json.parse(broken.body()).get("fields").get("telnetUsernamePrompt").asString())
                .contains("regular expression");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(Json.parse(tooLong.body()).get("fields").has("telnetFailurePrompt")).isTrue();
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void formOffersCommonCharacterSetsThatAreAllAcceptedAndTheDefaultPrompts() {
        var admin = signedInAdmin();
        long assetId = asset(admin, "Gateway");

        var options = Json.parse(admin.get("/api/assets/terminal-options").body());

        assertThat(options.get("telnetPromptDefaults").get("password").asString())
                .isEqualTo(TelnetPrompts.DEFAULTS.password());
        assertThat(options.get("charsets").size()).isGreaterThanOrEqualTo(8);
        for (var option : options.get("charsets")) {
            String name = option.get("name").asString();
            var reply = addMethod(admin, assetId, "protocol", "TELNET", "charset", name);
            assertThat(reply.status()).as(name).isEqualTo(201);
            assertThat(Json.parse(reply.body()).get("charset").asString()).as("canonical name").isEqualTo(name);
        }
    }

    @Test
    void onlySystemAdminsSeeTheFormOptions() {
        var user = newSignedInUser(uniqueName("terminal-options-user"), "ACCESS_ADMIN");

        assertThat(user.get("/api/assets/terminal-options").status()).isEqualTo(403);
    }

    private static GatewayClient.Reply addMethod(GatewayClient admin, long assetId, Object... fields) {
        return admin.post("/api/assets/" + assetId + "/methods", Json.object(fields));
    }

    private long asset(GatewayClient admin, String stem) {
        return Json.parse(admin.post("/api/assets", Json.object("name", uniqueName(stem), "host", "10.0.0.9")).body())
                .get("id").asLong();
    }
}
