package io.airlock.server.access;

import io.airlock.server.config.AirlockProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@code maxFailures} consecutive failures for one username — whether
 * or not that user exists, so the throttle reveals nothing — sign-in for that name is refused for a
 * lockout that doubles with every further failure. The client address has its own, larger budget so one
 * source cannot spray many usernames. A success clears the username's count; failures further apart
 * than the longest lockout no longer count as in a row.
 */
@Component
class LoginThrottle {

    /** Bounds memory under a flood of distinct names; the oldest entries go first. */
    static final int MAX_TRACKED = 10_000;
    private static final int ADDRESS_FACTOR = 5;

    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    LoginThrottle(AirlockProperties properties, Clock clock) {
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
        evictIfFull();
    }

    void recordSuccess(String username) {
        byKey.remove(userKey(username));
    }

    int tracked() {
        return byKey.size();
    }

    private void bump(String key, int limit, Instant now) {
        byKey.compute(key, (k, old) -> {
            // Failures spread wider apart than the longest lockout are not "in a row": start counting anew.
            boolean fresh = old == null || old.lastFailure().isBefore(now.minus(maxLockout));
            int count = fresh ? 1 : old.count() + 1;
            Instant until = fresh ? Instant.MIN : old.lockedUntil();
            if (count >= limit) {
                int doublings = Math.min(count - limit, 20);
                Duration wait = lockout.multipliedBy(1L << doublings);
                until = now.plus(wait.compareTo(maxLockout) > 0 ? maxLockout : wait);
            }
            return new Failures(count, until, now);
        });
    }

    private Duration remaining(String key, Instant now) {
        Failures f = byKey.get(key);
        if (f == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private void evictIfFull() {
        if (byKey.size() <= MAX_TRACKED) {
            return;
        }
        Instant now = clock.instant();
        byKey.values().removeIf(f -> !f.lockedUntil().isAfter(now) && f.lastFailure().isBefore(now.minus(maxLockout)));
        while (byKey.size() > MAX_TRACKED) {
            byKey.entrySet().stream().min(Map.Entry.comparingByValue(
                    (a, b) -> a.lastFailure().compareTo(b.lastFailure())))
                    .ifPresent(oldest -> byKey.remove(oldest.getKey(), oldest.getValue()));
        }
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

    private record Failures(int count, Instant lockedUntil, Instant lastFailure) {
    }
}
