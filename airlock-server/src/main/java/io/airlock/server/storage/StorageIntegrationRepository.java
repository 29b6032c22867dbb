package io.airlock.server.storage;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Storage integrations in the {@code storage_integration} table, with their latest check lines. */
@Repository
class StorageIntegrationRepository {

    private static final String COLUMNS = "id, name, kind, endpoint, region, bucket, key_prefix, path_style, active, "
            + "created_at, updated_at, access_key_id, secret_sealed";

    private final JdbcClient jdbc;

    StorageIntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an administrator sets on an external integration; the secret is already sealed. */
    record Settings(String name, URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
            String accessKeyId) {
    }

    List<StorageIntegration> findAll() {
        return jdbc.sql("select " + COLUMNS + " from storage_integration order by id")
                .query(StorageIntegrationRepository::map).list();
    }

    Optional<StorageIntegration> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from storage_integration where id = ?")
                .param(id).query(StorageIntegrationRepository::map).optional();
    }

    Optional<StorageIntegration> findActive() {
        return jdbc.sql("select " + COLUMNS + " from storage_integration where active = true")
                .query(StorageIntegrationRepository::map).optional();
    }

    Optional<StorageIntegration> findByKind(StorageKind kind) {
        return jdbc.sql("select " + COLUMNS + " from storage_integration where kind = ? order by id")
                .param(kind.name()).query(StorageIntegrationRepository::map).list().stream().findFirst();
    }

    boolean existsByName(String name, long exceptId) {
        return jdbc.sql("select count(*) from storage_integration where lower(name) = lower(?) and id <> ?")
                .params(name, exceptId).query(Long.class).single() > 0;
    }

    void insert(String name, StorageKind kind, URI endpoint, String region, String bucket, String prefix,
            boolean pathStyle, boolean active, Instant now) {
        jdbc.sql("""
                insert into storage_integration
                  (name, kind, endpoint, region, bucket, key_prefix, path_style, active, active_marker,
                   created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, kind.name(), endpoint == null ? null : endpoint.toString(), region, bucket, prefix,
                        pathStyle, active, active ? 1 : null, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Inserts an inactive external integration without its secret and returns its id. */
    long insertExternal(Settings s, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into storage_integration
                  (name, kind, endpoint, region, bucket, key_prefix, path_style, active, active_marker,
                   created_at, updated_at, access_key_id)
                values (?, ?, ?, ?, ?, ?, ?, false, null, ?, ?, ?)""")
                .params(s.name(), StorageKind.S3.name(), s.endpoint() == null ? null : s.endpoint().toString(),
                        s.region(), s.bucket(), s.prefix(), s.pathStyle(), Timestamp.from(now), Timestamp.from(now),
                        s.accessKeyId())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateExternal(long id, Settings s, Instant now) {
        jdbc.sql("""
                update storage_integration set name = ?, endpoint = ?, region = ?, bucket = ?, key_prefix = ?,
                  path_style = ?, access_key_id = ?, updated_at = ?
                where id = ?""")
                .params(s.name(), s.endpoint() == null ? null : s.endpoint().toString(), s.region(), s.bucket(),
                        s.prefix(), s.pathStyle(), s.accessKeyId(), Timestamp.from(now), id)
                .update();
    }

    void updateSecret(long id, String sealed) {
        jdbc.sql("update storage_integration set secret_sealed = ? where id = ?").params(sealed, id).update();
    }

    void updateEndpoint(long id, URI endpoint, String bucket, Instant now) {
        jdbc.sql("update storage_integration set endpoint = ?, bucket = ?, updated_at = ? where id = ?")
                .params(endpoint.toString(), bucket, Timestamp.from(now), id).update();
    }

    /** Clears the active flag everywhere; the unique marker makes a second active row impossible anyway. */
    void deactivateAll() {
        jdbc.sql("update storage_integration set active = false, active_marker = null where active = true").update();
    }

    void activate(long id) {
        jdbc.sql("update storage_integration set active = true, active_marker = 1 where id = ?").param(id).update();
    }

    void deactivate(long id) {
        jdbc.sql("update storage_integration set active = false, active_marker = null where id = ?").param(id)
                .update();
    }

    /** Replaces the latest check of an integration. */
    @Transactional
    void saveCheck(long id, StorageCheck.Result result) {
        jdbc.sql("delete from storage_check_line where integration_id = ?").param(id).update();
        int n = 0;
        for (StorageCheck.Line line : result.lines()) {
            jdbc.sql("""
                    insert into storage_check_line (integration_id, line_no, permission, status, error_code, message)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, n++, line.permission(), line.status().name(), cut(line.errorCode(), 128),
                            cut(line.message(), 2048))
                    .update();
        }
        jdbc.sql("update storage_integration set last_checked_at = ? where id = ?")
                .params(Timestamp.from(result.checkedAt()), id).update();
    }

    /** Drops the latest check: after an edit it no longer describes the integration. */
    void clearCheck(long id) {
        jdbc.sql("delete from storage_check_line where integration_id = ?").param(id).update();
        jdbc.sql("update storage_integration set last_checked_at = null where id = ?").param(id).update();
    }

    Optional<StorageCheck.Result> findCheck(long id) {
        Optional<Timestamp> at = jdbc.sql("select last_checked_at from storage_integration where id = ?")
                .param(id).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).optional()
                .flatMap(t -> t);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        List<StorageCheck.Line> lines = jdbc.sql("""
                select permission, status, error_code, message from storage_check_line
                where integration_id = ? order by line_no""")
                .param(id)
                .query((rs, n) -> new StorageCheck.Line(rs.getString("permission"),
                        StorageCheck.Status.valueOf(rs.getString("status")), rs.getString("error_code"),
                        rs.getString("message")))
                .list();
        return Optional.of(new StorageCheck.Result(at.get().toInstant(), lines));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
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
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("access_key_id"),
                rs.getString("secret_sealed"));
    }
}
