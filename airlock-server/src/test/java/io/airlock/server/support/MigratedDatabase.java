package io.airlock.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh database with Airlock's migrations applied: an H2 file in a temporary directory, or a new schema
 * on the test PostgreSQL server (dropped on close). Persistence tests run the same assertions on both.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String pgSchema;

    private MigratedDatabase(DataSource dataSource, String pgSchema) {
        this.dataSource = dataSource;
        this.pgSchema = pgSchema;
    }

    /** {@code "h2"} or {@code "postgresql"}; PostgreSQL aborts the test with a message when unreachable. */
    public static MigratedDatabase create(String database) throws IOException {
        MigratedDatabase db;
        if (database.equals("h2")) {
            Path dir = Files.createTempDirectory("airlock-h2-");
            db = new MigratedDatabase(
                    new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + dir.resolve("db"), "sa", ""),
                    null);
        } else {
            String schema = TestPostgres.createSchema();
            db = new MigratedDatabase(new SimpleDriverDataSource(new org.postgresql.Driver(),
                    TestPostgres.urlFor(schema), TestPostgres.USER, TestPostgres.PASSWORD), schema);
        }
        Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration").load().migrate();
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (pgSchema != null) {
            TestPostgres.dropSchema(pgSchema);
        }
    }
}
