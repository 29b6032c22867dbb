package io.airlock.server.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Users in the {@code app_user} table. Usernames are stored lower-case, so look-ups ignore case. */
@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, username, display_name, password_hash, role, enabled, must_change_password, created_at, last_login_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserRepository::map).list();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
                .param(UsernameRules.normalize(username)).query(UserRepository::map).optional();
    }

    boolean existsByUsername(String username) {
        return findByUsername(username).isPresent();
    }

    UserAccount insert(String username, String displayName, String passwordHash, Role role,
            boolean mustChangePassword, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, enabled, must_change_password, created_at)
                values (?, ?, ?, ?, true, ?, ?)""")
                .params(UsernameRules.normalize(username), displayName, passwordHash, role.name(), mustChangePassword,
                        Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return findById(id).orElseThrow();
    }

    void update(long id, String displayName, Role role, boolean enabled) {
        jdbc.sql("update app_user set display_name = ?, role = ?, enabled = ? where id = ?")
                .params(displayName, role.name(), enabled, id).update();
    }

    void updatePassword(long id, String passwordHash, boolean mustChangePassword) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where id = ?")
                .params(passwordHash, mustChangePassword, id).update();
    }

    void recordLogin(long id, Instant at) {
        jdbc.sql("update app_user set last_login_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    long countEnabledWithRole(Role role) {
        return jdbc.sql("select count(*) from app_user where role = ? and enabled = true").param(role.name())
                .query(Long.class).single();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getTimestamp("created_at").toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }
}
