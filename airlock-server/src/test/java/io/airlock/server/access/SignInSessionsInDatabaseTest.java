package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in sessions are kept in the database (Spring Session JDBC), so that any gateway node sharing it
 * serves a signed-in browser: what the table holds is what signs a browser in.
 */
class SignInSessionsInDatabaseTest extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignInIsARowInTheDatabaseAndEndsWithIt() {
        String name = uniqueName("shared-session");
        GatewayClient user = newSignedInUser(name, "USER");
        assertThat(user.get("/api/remote-sessions").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);

        jdbc.sql("delete from spring_session where principal_name = ?").param(name).update();

        assertThat(user.get("/api/remote-sessions").status()).isEqualTo(401);
    }

    @Test
    void theStoredSessionHoldsNoPassword() {
        String name = uniqueName("no-secret");
        GatewayClient user = newSignedInUser(name, "USER");
        assertThat(user.get("/api/remote-sessions").status()).isEqualTo(200);
        List<byte[]> attributes = jdbc.sql("select a.attribute_bytes from spring_session_attributes a "
                        + "join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?")
                .param(name).query((rs, n) -> rs.getBytes(1)).list();
        assertThat(attributes).isNotEmpty();
        for (byte[] bytes : attributes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(ownPassword(name)).doesNotContain("{bcrypt}");
        }
    }

    @Test
    void signingOutRemovesTheRow() {
        String name = uniqueName("sign-out");
        GatewayClient user = newSignedInUser(name, "USER");
        assertThat(user.post("/api/auth/logout", "{}").status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(name)
                .query(Long.class).single()).isZero();
    }
}
