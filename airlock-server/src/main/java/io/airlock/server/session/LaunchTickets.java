package io.airlock.server.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use tickets that let a WebSocket open a session the user launched a moment before.
 * A ticket is bound to the user who got it; redeeming it removes it, so a leaked URL cannot be replayed.
 */
@Component
class LaunchTickets {

    static final Duration VALIDITY = Duration.ofSeconds(30);
    static final int MAX_OUTSTANDING = 10_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending<?>> tickets = new ConcurrentHashMap<>();

    LaunchTickets(Clock clock) {
        this.clock = clock;
    }

    private record Pending<T>(long userId, T payload, Instant expires) {
    }

    /** Issues a ticket for {@code payload}, redeemable once by {@code userId}. */
    <T> String issue(long userId, T payload) {
        purgeExpired();
        if (tickets.size() >= MAX_OUTSTANDING) {
            throw new IllegalStateException("Too many sessions are being opened at once; try again in a moment.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Pending<>(userId, payload, clock.instant().plus(VALIDITY)));
        return ticket;
    }

    /** The payload, if the ticket exists, has not expired, belongs to the user and is of the expected type. */
    <T> Optional<T> redeem(String ticket, long userId, Class<T> type) {
        if (ticket == null) {
            return Optional.empty();
        }
        Pending<?> pending = tickets.remove(ticket);
        if (pending == null || pending.userId() != userId || pending.expires().isBefore(clock.instant())
                || !type.isInstance(pending.payload())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(pending.payload()));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        tickets.values().removeIf(p -> p.expires().isBefore(now));
    }
}
