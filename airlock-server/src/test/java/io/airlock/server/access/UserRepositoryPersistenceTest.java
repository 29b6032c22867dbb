package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The same migrations and queries on both supported databases. */
class UserRepositoryPersistenceTest {

    private String pgSchema;

    @AfterEach
    void dropSchema() {
        if (pgSchema != null) {
            TestPostgres.dropSchema(pgSchema);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void migrationsApplyAndUsersRoundTrip(String database) throws Exception {
        var users = new UserRepository(JdbcClient.create(migrated(database)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var created = users.insert("Operator.One", "Operator One", "{noop}x", Role.ACCESS_ADMIN, true, now);
        users.recordLogin(created.id(), now.plusSeconds(5));
        users.update(created.id(), "Operator 1", Role.USER, false);
        users.updatePassword(created.id(), "{noop}y", false);

        var loaded = users.findByUsername("OPERATOR.ONE").orElseThrow();
        assertThat(loaded.username()).isEqualTo("operator.one");
        assertThat(loaded.displayName()).isEqualTo("Operator 1");
        assertThat(loaded.role()).isEqualTo(Role.USER);
        assertThat(loaded.enabled()).isFalse();
        assertThat(loaded.mustChangePassword()).isFalse();
        assertThat(loaded.passwordHash()).isEqualTo("{noop}y");
        assertThat(loaded.createdAt()).isEqualTo(now);
        assertThat(loaded.lastLoginAt()).isEqualTo(now.plusSeconds(5));
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.countEnabledWithRole(Role.USER)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void databaseRefusesDuplicateUsernames(String database) throws Exception {
        var users = new UserRepository(JdbcClient.create(migrated(database)));
        users.insert("dup", "Dup", "{noop}x", Role.USER, false, Instant.now());

        assertThatThrownBy(() -> users.insert("dup", "Dup", "{noop}x", Role.USER, false, Instant.now()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private DataSource migrated(String database) throws Exception {
        DataSource dataSource;
        if (database.equals("h2")) {
            Path dir = Files.createTempDirectory("airlock-h2-");
            dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + dir.resolve("db"), "sa", "");
        } else {
            pgSchema = TestPostgres.createSchema();
            dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestPostgres.urlFor(pgSchema),
                    TestPostgres.USER, TestPostgres.PASSWORD);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
