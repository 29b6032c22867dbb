package io.airlock.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gateway on its embedded H2 database keeps working after its connection pool retires the connection
 * that ran the migrations, as it does after half an hour: every table with a check constraint still takes
 * inserts and updates, and the constraints still refuse what they should.
 */
class ConstraintsOutliveTheirConnectionTest {

    @Test
    void everyCheckedTableTakesWritesAfterTheMigratingConnectionIsGone() throws Exception {
        Path dir = Files.createTempDirectory("airlock-h2-");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("sa");
            pool.setMaximumPoolSize(3);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            var jdbc = new JdbcTemplate(pool);
            jdbc.update("insert into app_user (username, display_name, password_hash, role, enabled, "
                    + "must_change_password, created_at) values ('u', 'U', 'x', 'USER', true, false, current_timestamp)");
            jdbc.update("insert into asset (name, host, created_at, updated_at) values ('a', 'h', current_timestamp, "
                    + "current_timestamp)");
            jdbc.update("insert into access_method (asset_id, protocol, port, credential_kind, created_at, updated_at) "
                    + "select id, 'SSH', 22, 'NONE', current_timestamp, current_timestamp from asset");
            jdbc.update("insert into session_record (user_id, username, client_address, group_id, group_name, "
                    + "asset_id, asset_name, method_id, protocol, host, port, enforce_recording, recording_status, "
                    + "started_at, bytes_to_equipment, bytes_from_equipment) values (1, 'u', 'c', 1, 'g', 1, 'a', 1, "
                    + "'SSH', 'h', 22, true, 'RECORDING', current_timestamp, 0, 0)");

            // Another connection keeps the database open while the pool closes every one of its own.
            try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
                pool.getHikariPoolMXBean().softEvictConnections();
                for (String update : List.of(
                        "update app_user set last_login_at = current_timestamp, role = 'ACCESS_ADMIN'",
                        "update access_method set protocol = 'TELNET', credential_kind = 'ASK_USER'",
                        "update session_record set recording_status = 'READY'",
                        "update storage_integration set kind = kind")) {
                    jdbc.update(update);
                }
                assertThat(jdbc.queryForObject("select role from app_user", String.class)).isEqualTo("ACCESS_ADMIN");
                assertThatThrownBy(() -> jdbc.update("update app_user set role = 'ROOT'"))
                        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("CK_APP_USER_ROLE");
                assertThatThrownBy(() -> jdbc.update("update session_record set recording_status = 'LOST'"))
                        .isInstanceOf(DataIntegrityViolationException.class)
                        .hasMessageContaining("CK_SESSION_RECORD_RECORDING_STATUS");
                assertThat(keepOpen.isValid(1)).as("the database stayed open throughout").isTrue();
            }
        }
    }
}
