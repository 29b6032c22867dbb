package io.airlock.server.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Assets and their access methods, kept together as one aggregate. */
@Repository
public class AssetRepository {

    private static final String ASSET_COLUMNS = "id, name, description, host, site, zone, created_at, updated_at";
    private static final String METHOD_COLUMNS = "id, asset_id, protocol, port, username, credential_kind, "
            + "credential_sealed, host_key_fingerprint, host_key_pending, charset, telnet_username_prompt, "
            + "telnet_password_prompt, telnet_success_prompt, telnet_failure_prompt";

    private final JdbcClient jdbc;

    AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Asset> findAllAssets() {
        return jdbc.sql("select " + ASSET_COLUMNS + " from asset order by name").query(AssetRepository::asset).list();
    }

    public Optional<Asset> findAsset(long id) {
        return jdbc.sql("select " + ASSET_COLUMNS + " from asset where id = ?").param(id)
                .query(AssetRepository::asset).optional();
    }

    boolean assetNameTaken(String name, long exceptId) {
        return jdbc.sql("select count(*) from asset where lower(name) = lower(?) and id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    long insertAsset(String name, String description, String host, String site, String zone, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into asset (name, description, host, site, zone, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(name, description, host, site, zone, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateAsset(long id, String name, String description, String host, String site, String zone, Instant now) {
        jdbc.sql("update asset set name = ?, description = ?, host = ?, site = ?, zone = ?, updated_at = ? where id = ?")
                .params(name, description, host, site, zone, Timestamp.from(now), id).update();
    }

    boolean deleteAsset(long id) {
        return jdbc.sql("delete from asset where id = ?").param(id).update() > 0;
    }

    public List<AccessMethod> findAllMethods() {
        return jdbc.sql("select " + METHOD_COLUMNS + " from access_method order by asset_id, id")
                .query(AssetRepository::method).list();
    }

    public Optional<AccessMethod> findMethod(long id) {
        return jdbc.sql("select " + METHOD_COLUMNS + " from access_method where id = ?").param(id)
                .query(AssetRepository::method).optional();
    }

    long insertMethod(long assetId, Protocol protocol, int port, String username, TerminalSettings terminal,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into access_method (asset_id, protocol, port, username, credential_kind, charset, "
                + "telnet_username_prompt, telnet_password_prompt, telnet_success_prompt, telnet_failure_prompt, "
                + "created_at, updated_at) values (?, ?, ?, ?, 'NONE', ?, ?, ?, ?, ?, ?, ?)")
                .params(assetId, protocol.name(), port, username, terminal.charsetName(), terminal.usernamePrompt(),
                        terminal.passwordPrompt(), terminal.successPrompt(), terminal.failurePrompt(),
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateMethod(long id, Protocol protocol, int port, String username, TerminalSettings terminal, Instant now) {
        jdbc.sql("update access_method set protocol = ?, port = ?, username = ?, charset = ?, "
                + "telnet_username_prompt = ?, telnet_password_prompt = ?, telnet_success_prompt = ?, "
                + "telnet_failure_prompt = ?, updated_at = ? where id = ?")
                .params(protocol.name(), port, username, terminal.charsetName(), terminal.usernamePrompt(),
                        terminal.passwordPrompt(), terminal.successPrompt(), terminal.failurePrompt(),
                        Timestamp.from(now), id)
                .update();
    }

    void updateCredential(long id, CredentialKind kind, String sealed) {
        jdbc.sql("update access_method set credential_kind = ?, credential_sealed = ? where id = ?")
                .params(kind.name(), sealed, id).update();
    }

    /**
     * Trust on first use: pins {@code fingerprint} when no key is pinned yet. Returns whether it is the pinned
     * key now; when another key is pinned, this one is kept for an admin's review instead. The pin is one
     * conditional update, so of two first connections that race with different keys exactly one pins.
     */
    public boolean pinOnFirstUse(long id, String fingerprint) {
        int pinned = jdbc.sql("update access_method set host_key_fingerprint = ? "
                + "where id = ? and host_key_fingerprint is null").params(fingerprint, id).update();
        if (pinned == 1) {
            return true;
        }
        var current = findMethod(id);
        if (current.isEmpty()) {
            return false;
        }
        if (fingerprint.equals(current.get().hostKeyFingerprint())) {
            return true;
        }
        recordPendingHostKey(id, fingerprint);
        return false;
    }

    /** Pins a host key, replacing any pinned one (an admin's decision); clears any pending one. */
    public void pinHostKey(long id, String fingerprint) {
        jdbc.sql("update access_method set host_key_fingerprint = ?, host_key_pending = null where id = ?")
                .params(fingerprint, id).update();
    }

    /** Remembers a changed host key for an admin to review; the pinned key stays in force. */
    public void recordPendingHostKey(long id, String fingerprint) {
        jdbc.sql("update access_method set host_key_pending = ? where id = ?").params(fingerprint, id).update();
    }

    boolean deleteMethod(long id) {
        return jdbc.sql("delete from access_method where id = ?").param(id).update() > 0;
    }

    private static Asset asset(ResultSet rs, int row) throws SQLException {
        return new Asset(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("host"),
                rs.getString("site"), rs.getString("zone"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static AccessMethod method(ResultSet rs, int row) throws SQLException {
        return new AccessMethod(rs.getLong("id"), rs.getLong("asset_id"), Protocol.valueOf(rs.getString("protocol")),
                rs.getInt("port"), rs.getString("username"), CredentialKind.valueOf(rs.getString("credential_kind")),
                rs.getString("credential_sealed"), rs.getString("host_key_fingerprint"),
                rs.getString("host_key_pending"), new TerminalSettings(rs.getString("charset"),
                        rs.getString("telnet_username_prompt"), rs.getString("telnet_password_prompt"),
                        rs.getString("telnet_success_prompt"), rs.getString("telnet_failure_prompt")));
    }
}
