package io.airlock.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Gateways;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded H2 database writes each commit to its file on the committing thread, so that it survives a
 * crash. Threads get interrupted (a recording job stopped at shutdown, a session's thread when it ends),
 * and Java closes a file channel under a thread interrupted while it writes: plain H2 would then be closed
 * for every other thread until the gateway restarts. The gateway's database reopens the file and carries on.
 */
class EmbeddedDatabaseInterruptTest {

    private static final String PASSWORD = "interrupt-admin-password";

    @Test
    void aCommitByAnInterruptedThreadIsKeptAndLeavesTheDatabaseOpenForEveryoneElse(@TempDir Path data)
            throws Exception {
        try (var gateway = Gateways.start(Map.of("AIRLOCK_DATA", data.toString(),
                "AIRLOCK_ADMIN_PASSWORD", PASSWORD))) {
            DataSource dataSource = gateway.getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection(); var update = connection.createStatement()) {
                Thread.currentThread().interrupt();
                try {
                    update.executeUpdate("update app_user set display_name = 'Interrupted Admin' where username = "
                            + "'admin'");
                } finally {
                    Thread.interrupted();
                }
            }

            assertThat(JdbcClient.create(dataSource).sql("select display_name from app_user where username = 'admin'")
                    .query(String.class).single()).isEqualTo("Interrupted Admin");
            var admin = new GatewayClient(Gateways.port(gateway));
            assertThat(admin.signIn("admin", PASSWORD).status()).isEqualTo(200);
        }
    }
}
