package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.support.MigratedDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same migrations and queries on both supported databases. */
class UserRepositoryPersistenceTest {

    private MigratedDatabase database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
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

    private DataSource migrated(String kind) throws Exception {
        database = MigratedDatabase.create(kind);
        return database.dataSource();
    }
}
