package io.airlock.server.access;

import io.airlock.server.config.Sha256;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: made and revoked by their owner, shown once, kept as a SHA-256, valid until they
 * expire. A token acts with its owner's role as it is at each request; it only reads (see
 * {@link ApiTokenFilter}).
 */
@Service
class ApiTokens {

    static final String PREFIX = "alk_";
    static final int MAX_DAYS = 365;
    static final int MAX_ACTIVE = 20;
    static final int MAX_NAME = 64;
    /** Last use is written at most this often per token, not on every call a script makes. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    /** A token as its owner sees it later: never the token itself. */
    record TokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt,
            @Nullable Instant lastUsedAt,
            boolean revoked) {
    }

    /** A token just made: the only time {@code token} is shown. */
    record CreatedToken(TokenView view, String token) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserRepository users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    CreatedToken create(AirlockPrincipal owner, String name, int days) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw ApiException.invalidField("name", "Give the token a name of 1 to " + MAX_NAME + " characters.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.invalidField("days", "A token lasts 1 to " + MAX_DAYS + " days.");
        }
        Instant now = clock.instant();
        long active = jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is null and "
                + "expires_at > ?").params(owner.id(), Timestamp.from(now)).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new ApiException(ApiException.Reason.CONFLICT, "You have " + MAX_ACTIVE
                    + " tokens in use; revoke one first.");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hint = token.substring(0, PREFIX.length() + 4);
        Instant expires = now.plus(Duration.ofDays(days));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into api_token (user_id, name, token_hash, hint, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(owner.id(), trimmed, hash(token), hint, Timestamp.from(now), Timestamp.from(expires))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(owner.getUsername(), "API_TOKEN_CREATED", "Token '" + trimmed + "' (" + hint + "…), valid until "
                + expires + ".");
        return new CreatedToken(new TokenView(id, trimmed, hint, now, expires, null, false), token);
    }

    List<TokenView> list(AirlockPrincipal owner) {
        return jdbc.sql("select id, name, hint, created_at, expires_at, last_used_at, revoked_at from api_token "
                + "where user_id = ? order by created_at desc, id desc").param(owner.id())
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("hint"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), rs.getTimestamp("revoked_at") != null))
                .list();
    }

    void revoke(AirlockPrincipal owner, long id) {
        int revoked = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id, owner.id()).update();
        if (revoked == 0) {
            throw new ApiException(ApiException.Reason.NOT_FOUND, "You have no token #" + id + " in use.");
        }
        audit.record(owner.getUsername(), "API_TOKEN_REVOKED", "Token #" + id + ".");
    }

    /** The account a token acts for, when the token is known, unrevoked and unexpired. */
    Optional<UserAccount> account(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Found(long id, long userId, Instant lastUsed) {
        }
        Optional<Found> found = jdbc.sql("select id, user_id, last_used_at from api_token where token_hash = ? and "
                + "revoked_at is null and expires_at > ?").params(hash(token), Timestamp.from(now))
                .query((rs, n) -> new Found(rs.getLong("id"), rs.getLong("user_id"),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
        found.filter(f -> f.lastUsed() == null || f.lastUsed().isBefore(now.minus(USE_RESOLUTION)))
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
                        .params(Timestamp.from(now), f.id()).update());
        return found.flatMap(f -> users.findById(f.userId()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
