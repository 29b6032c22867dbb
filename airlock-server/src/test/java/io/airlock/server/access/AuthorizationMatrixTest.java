package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every role against every endpoint, over real HTTP. "Allowed" means the request got past authorization
 * (any answer but 401/403); bodies are deliberately incomplete so allowed writes stop at validation and
 * change nothing.
 */
class AuthorizationMatrixTest extends GatewayTest {

    private enum Who { ANONYMOUS, USER, ACCESS_ADMIN, SYSTEM_ADMIN }

    private record Endpoint(String method, String path, Who minimum) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            e("GET", "/api/session", Who.ANONYMOUS),
            e("GET", "/api/remote-sessions", Who.USER),
            e("POST", "/api/me/password", Who.USER),
            e("GET", "/api/me/tokens", Who.USER),
            e("GET", "/api/users", Who.SYSTEM_ADMIN),
            e("POST", "/api/users", Who.SYSTEM_ADMIN),
            e("PATCH", "/api/users/999999", Who.SYSTEM_ADMIN),
            e("POST", "/api/users/999999/password", Who.SYSTEM_ADMIN),
            e("GET", "/api/integrations", Who.SYSTEM_ADMIN),
            e("POST", "/api/integrations", Who.SYSTEM_ADMIN),
            e("PATCH", "/api/integrations/999999", Who.SYSTEM_ADMIN),
            e("POST", "/api/integrations/999999/check", Who.SYSTEM_ADMIN),
            e("POST", "/api/integrations/999999/activate", Who.SYSTEM_ADMIN),
            e("POST", "/api/integrations/999999/deactivate", Who.SYSTEM_ADMIN),
            e("GET", "/api/assets", Who.SYSTEM_ADMIN),
            e("POST", "/api/assets", Who.SYSTEM_ADMIN),
            e("PUT", "/api/assets/999999", Who.SYSTEM_ADMIN),
            e("DELETE", "/api/assets/999999", Who.SYSTEM_ADMIN),
            e("POST", "/api/assets/999999/methods", Who.SYSTEM_ADMIN),
            e("PUT", "/api/methods/999999", Who.SYSTEM_ADMIN),
            e("DELETE", "/api/methods/999999", Who.SYSTEM_ADMIN),
            e("POST", "/api/methods/999999/host-key/accept", Who.SYSTEM_ADMIN),
            e("GET", "/api/groups", Who.ACCESS_ADMIN),
            e("GET", "/api/groups/options", Who.ACCESS_ADMIN),
            e("POST", "/api/groups", Who.ACCESS_ADMIN),
            e("PUT", "/api/groups/999999", Who.ACCESS_ADMIN),
            e("DELETE", "/api/groups/999999", Who.ACCESS_ADMIN),
            e("POST", "/api/sessions/launch", Who.USER),
            e("GET", "/api/sessions/live", Who.ACCESS_ADMIN),
            e("POST", "/api/sessions/999999/terminate", Who.ACCESS_ADMIN),
            e("POST", "/api/sessions/999999/monitor", Who.ACCESS_ADMIN),
            e("GET", "/api/sessions/999999", Who.ACCESS_ADMIN),
            e("GET", "/api/sessions?recordedOnly=true", Who.ACCESS_ADMIN),
            e("GET", "/api/sessions/999999/recording", Who.ACCESS_ADMIN),
            e("GET", "/api/sessions/999999/recording?download=true", Who.ACCESS_ADMIN),
            e("GET", "/api/recordings/search?q=needle", Who.ACCESS_ADMIN),
            e("POST", "/api/sessions/rebuild-from-bucket", Who.SYSTEM_ADMIN),
            e("GET", "/actuator/metrics", Who.SYSTEM_ADMIN));

    @Test
    void eachRoleReachesExactlyWhatItMay() {
        Map<Who, GatewayClient> clients = new LinkedHashMap<>();
        var anonymous = client();
        anonymous.get("/api/session");
        clients.put(Who.ANONYMOUS, anonymous);
        clients.put(Who.USER, newSignedInUser(uniqueName("m-user"), "USER"));
        clients.put(Who.ACCESS_ADMIN, newSignedInUser(uniqueName("m-aa"), "ACCESS_ADMIN"));
        clients.put(Who.SYSTEM_ADMIN, signedInAdmin());

        var soft = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            for (var entry : clients.entrySet()) {
                Who who = entry.getKey();
                int status = call(entry.getValue(), endpoint);
                boolean allowed = who.ordinal() >= endpoint.minimum().ordinal();
                String label = who + " " + endpoint.method() + " " + endpoint.path() + " -> " + status;
                if (allowed) {
                    soft.assertThat(status).as(label).isNotIn(401, 403);
                } else {
                    soft.assertThat(status).as(label).isEqualTo(who == Who.ANONYMOUS ? 401 : 403);
                }
            }
        }
        soft.assertAll();
        assertThat(ENDPOINTS).isNotEmpty();
    }

    private static int call(GatewayClient client, Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> client.get(endpoint.path()).status();
            case "POST" -> client.post(endpoint.path(), "{}").status();
            case "PUT" -> client.put(endpoint.path(), "{}").status();
            case "PATCH" -> client.patch(endpoint.path(), "{}").status();
            case "DELETE" -> client.delete(endpoint.path()).status();
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }

    private static Endpoint e(String method, String path, Who minimum) {
        return new Endpoint(method, path, minimum);
    }
}
