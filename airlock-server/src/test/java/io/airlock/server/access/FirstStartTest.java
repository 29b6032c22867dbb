package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Gateways;
import io.airlock.server.support.Json;
import io.airlock.server.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void firstStartPrintsAGeneratedPasswordOnceThatMustBeChanged(@TempDir Path data, CapturedOutput output) {
        String password;
        try (var gateway = Gateways.start(Map.of("AIRLOCK_DATA", data.toString()))) {
            var matcher = PRINTED_PASSWORD.matcher(output.getOut());
            assertThat(matcher.find()).as("password printed on the console").isTrue();
            password = matcher.group(1);
            assertThat(output.getOut()).contains("Sign in and change it now.");

            var reply = new GatewayClient(Gateways.port(gateway)).signIn("admin", password);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(Json.parse(reply.body()).get("user").get("mustChangePassword").asBoolean()).isTrue();
        }
        int printedAt = output.getOut().indexOf(password);
        try (var again = Gateways.start(Map.of("AIRLOCK_DATA", data.toString()))) {
            assertThat(new GatewayClient(Gateways.port(again)).signIn("admin", password).status()).isEqualTo(200);
        }
        assertThat(output.getOut().indexOf(password, printedAt + 1)).as("printed only once").isEqualTo(-1);
        assertThat(data.resolve("db")).isDirectory();
        assertThat(data.resolve("s3/credentials.properties")).isRegularFile();
    }

    @Test
    void adminPasswordFromTheEnvironmentIsUsedAndNeverPrinted(@TempDir Path data, CapturedOutput output) {
        String password = "operator-chosen-password";
        try (var gateway = Gateways.start(Map.of("AIRLOCK_DATA", data.toString(), "AIRLOCK_ADMIN_PASSWORD", password))) {
            var reply = new GatewayClient(Gateways.port(gateway)).signIn("admin", password);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(Json.parse(reply.body()).get("user").get("mustChangePassword").asBoolean()).isFalse();
        }
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void gatewayRunsOnPostgresqlWhenAirlockDbUrlPointsThere(@TempDir Path data) throws Exception {
        String schema = TestPostgres.createSchema();
        try (var gateway = Gateways.start(Map.of(
                "AIRLOCK_DATA", data.toString(),
                "AIRLOCK_ADMIN_PASSWORD", "postgres-admin-password",
                "AIRLOCK_DB_URL", TestPostgres.urlFor(schema),
                "AIRLOCK_DB_USER", TestPostgres.USER,
                "AIRLOCK_DB_PASSWORD", TestPostgres.PASSWORD))) {
            var client = new GatewayClient(Gateways.port(gateway));
            assertThat(client.signIn("admin", "postgres-admin-password").status()).isEqualTo(200);
            assertThat(client.get("/api/users").body()).contains("\"username\":\"admin\"");

            var jdbc = JdbcClient.create(gateway.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(schema);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isPositive();
            assertThat(Files.exists(data.resolve("db"))).as("no H2 file when PostgreSQL is configured").isFalse();
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }
}
