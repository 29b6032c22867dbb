package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal API tokens, as a script uses them: made once by the owner in a signed-in session, then sent as
 * {@code Authorization: Bearer} with no cookie and no CSRF token; the owner's role applies; a token only
 * reads, never opens a session; revoked, expired, unknown tokens and disabled owners are refused; only a hash
 * is stored.
 */
class ApiTokensTest extends GatewayTest {

    private final HttpClient script = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScriptReadsWithTheOwnersRoleAndNothingElse() throws Exception {
        GatewayClient admin = signedInAdmin();
        // Other tests sharing the gateway make tokens too: this one's name is its own.
        String name = uniqueName("SIEM export");
        JsonNode created = Json.parse(admin.post("/api/me/tokens", Json.object("name", name, "days", 30))
                .body());
        String token = created.get("token").asString();
        assertThat(token).startsWith("alk_").hasSizeGreaterThan(40);

        var history = call("GET", "/api/sessions?recordedOnly=true", token);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.headers().allValues("Set-Cookie")).as("no HTTP session for a token").isEmpty();
        assertThat(call("HEAD", "/api/sessions", token).statusCode()).isEqualTo(200);

        assertThat(call("POST", "/api/sessions/launch", token).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/sessions/1/monitor", token).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/ws/terminal?ticket=x", token).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/me/tokens", token).statusCode()).as("tokens do not manage tokens")
                .isEqualTo(403);
        assertThat(call("DELETE", "/api/users/1", token).statusCode()).isEqualTo(403);

        var list = Json.parse(admin.get("/api/me/tokens").body());
        assertThat(list.toString()).doesNotContain(token).contains(name).contains(token.substring(0, 8));
        assertThat(jdbc.sql("select token_hash from api_token where name = ?").param(name).query(String.class).list())
                .singleElement().satisfies(hash -> assertThat(hash).hasSize(64).doesNotContain(token.substring(4)));

        long id = created.get("view").get("id").asLong();
        assertThat(admin.delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        assertThat(call("GET", "/api/sessions", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theOwnersRoleAppliesAndExpiredUnknownOrDisabledAreRefused() throws Exception {
        String name = uniqueName("token-user");
        GatewayClient user = newSignedInUser(name, "USER");
        String token = Json.parse(user.post("/api/me/tokens", Json.object("name", "mine", "days", 1)).body())
                .get("token").asString();
        assertThat(call("GET", "/api/remote-sessions", token).statusCode()).isNotIn(401, 403);
        assertThat(call("GET", "/api/sessions", token).statusCode()).as("a User sees no history").isEqualTo(403);

        assertThat(call("GET", "/api/sessions", "alk_not-a-real-token").statusCode()).isEqualTo(401);

        jdbc.sql("update app_user set enabled = false where username = ?").param(name).update();
        assertThat(call("GET", "/api/remote-sessions", token).statusCode()).isEqualTo(401);
        jdbc.sql("update app_user set enabled = true where username = ?").param(name).update();
        assertThat(call("GET", "/api/remote-sessions", token).statusCode()).isNotIn(401, 403);

        jdbc.sql("update api_token set expires_at = created_at where name = 'mine'").update();
        assertThat(call("GET", "/api/remote-sessions", token).statusCode()).isEqualTo(401);

        assertThat(user.post("/api/me/tokens", Json.object("name", "", "days", 1)).status()).isEqualTo(400);
        assertThat(user.post("/api/me/tokens", Json.object("name", "x", "days", 366)).status()).isEqualTo(400);
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build();
        return script.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
