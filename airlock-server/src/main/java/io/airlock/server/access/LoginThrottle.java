package io.airlock.server.access;

import io.airlock.server.config.AirlockProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@code maxFailures} consecutive failures for one username — whether
 * or not that user exists, so the throttle reveals nothing — sign-in for that name is refused for a
 * lockout that doubles with every further failure. The client address has its own, larger budget so one
 * source cannot spray many usernames. A success clears the username's count; failures further apart
 * than the longest lockout no longer count as in a row.
 *
 * <p>The counts live in the database, so every gateway sharing it sees the same ones: each failure is one
 * atomic increment of its row, whichever node it reached. Rows of failures older than the longest lockout
 * are deleted as further failures arrive, so a flood of made-up names leaves at most one lockout's worth.
 */
@Component
class LoginThrottle {

    private static final int ADDRESS_FACTOR = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxLockout;

    LoginThrottle(JdbcClient jdbc, AirlockProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = properties.login().maxFailures();
        this.lockout = properties.login().lockout();
        this.maxLockout = properties.login().maxLockout();
    }

    /** How long the caller must wait before trying again, if at all. */
    Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        bump(userKey(username), maxFailures, now);
        bump(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
        jdbc.sql("delete from login_failure where last_failure < ? and (locked_until is null or locked_until <= ?)")
                .params(Timestamp.from(now.minus(maxLockout)), Timestamp.from(now)).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("delete from login_failure where throttle_key = ?").param(userKey(username)).update();
    }

    /** How many names and addresses have failures on record. */
    long tracked() {
        return jdbc.sql("select count(*) from login_failure").query(Long.class).single();
    }

    private void bump(String key, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        // Failures spread wider apart than the longest lockout are not "in a row": start counting anew. The
        // whole row changes in one statement, so failures arriving at two gateways at once both count.
        Timestamp staleBefore = Timestamp.from(now.minus(maxLockout));
        int updated = jdbc.sql("update login_failure set failures = case when last_failure < ? then 1 else "
                + "failures + 1 end, locked_until = case when last_failure < ? then null else locked_until end, "
                + "last_failure = ? where throttle_key = ?").params(staleBefore, staleBefore, at, key).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_failure (throttle_key, failures, last_failure) values (?, 1, ?)")
                        .params(key, at).update();
            } catch (DuplicateKeyException e) {
                bump(key, limit, now); // another gateway counted the first failure at the same moment
                return;
            }
        }
        int count = jdbc.sql("select failures from login_failure where throttle_key = ?").param(key)
                .query(Integer.class).optional().orElse(1);
        if (count >= limit) {
            int doublings = Math.min(count - limit, 20);
            Duration wait = lockout.multipliedBy(1L << doublings);
            Instant until = now.plus(wait.compareTo(maxLockout) > 0 ? maxLockout : wait);
            jdbc.sql("update login_failure set locked_until = ? where throttle_key = ?")
                    .params(Timestamp.from(until), key).update();
        }
    }

    private Duration remaining(String key, Instant now) {
        return jdbc.sql("select locked_until from login_failure where throttle_key = ?").param(key)
                .query((rs, n) -> rs.getTimestamp("locked_until")).optional()
                .filter(until -> until != null && until.toInstant().isAfter(now))
                .map(until -> Duration.between(now, until.toInstant())).orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "u:" + UsernameRules.normalize(username);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
