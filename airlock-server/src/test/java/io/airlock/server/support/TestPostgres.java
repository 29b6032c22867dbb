package io.airlock.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the persistence tests run against (127.0.0.1:5432, database {@code test},
 * trust authentication on the project's machines; {@code AIRLOCK_TEST_PG_URL} / {@code _USER} /
 * {@code _PASSWORD} point elsewhere). Each test gets its own schema, dropped afterwards.
 */
public final class TestPostgres {

    public static final String URL = env("AIRLOCK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("AIRLOCK_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("AIRLOCK_TEST_PG_PASSWORD", "");

    private TestPostgres() {
    }

    /** Creates a fresh schema, or aborts the test with a clear message when no server is reachable. */
    public static String createSchema() {
        String schema = "airlock_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = connect()) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); PostgreSQL persistence tests skipped");
        }
        return schema;
    }

    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String schema) {
        try (Connection c = connect()) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
