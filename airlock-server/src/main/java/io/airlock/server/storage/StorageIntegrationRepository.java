package io.airlock.server.storage;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage integrations in the {@code storage_integration} table. */
@Repository
class StorageIntegrationRepository {

    private static final String COLUMNS =
            "id, name, kind, endpoint, region, bucket, key_prefix, path_style, active, created_at, updated_at";

    private final JdbcClient jdbc;

    StorageIntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StorageIntegration> findAll() {
        return jdbc.sql("select " + COLUMNS + " from storage_integration order by id")
                .query(StorageIntegrationRepository::map).list();
    }

    Optional<StorageIntegration> findActive() {
        return jdbc.sql("select " + COLUMNS + " from storage_integration where active = true")
                .query(StorageIntegrationRepository::map).optional();
    }

    Optional<StorageIntegration> findByKind(StorageKind kind) {
        return jdbc.sql("select " + COLUMNS + " from storage_integration where kind = ? order by id")
                .param(kind.name()).query(StorageIntegrationRepository::map).list().stream().findFirst();
    }

    void insert(String name, StorageKind kind, URI endpoint, String region, String bucket, String prefix,
            boolean pathStyle, boolean active, Instant now) {
        jdbc.sql("""
                insert into storage_integration
                  (name, kind, endpoint, region, bucket, key_prefix, path_style, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, kind.name(), endpoint == null ? null : endpoint.toString(), region, bucket, prefix,
                        pathStyle, active, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void updateEndpoint(long id, URI endpoint, String bucket, Instant now) {
        jdbc.sql("update storage_integration set endpoint = ?, bucket = ?, updated_at = ? where id = ?")
                .params(endpoint.toString(), bucket, Timestamp.from(now), id).update();
    }

    private static StorageIntegration map(ResultSet rs, int row) throws SQLException {
        String endpoint = rs.getString("endpoint");
        return new StorageIntegration(
                rs.getLong("id"),
                rs.getString("name"),
                StorageKind.valueOf(rs.getString("kind")),
                endpoint == null ? null : URI.create(endpoint),
                rs.getString("region"),
                rs.getString("bucket"),
                rs.getString("key_prefix"),
                rs.getBoolean("path_style"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
