package io.airlock.server.session;

import io.airlock.server.config.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short-lived, single-use tickets that let a WebSocket open a session the user launched a moment before.
 * A ticket is bound to the user who got it; redeeming it removes it, so a leaked URL cannot be replayed.
 *
 * <p>Tickets are kept in the database, so the WebSocket may reach any gateway node sharing it: the node
 * whose delete removes the row is the one that redeems it, and only once. Only the ticket's SHA-256 is
 * stored.
 */
@Component
class LaunchTickets {

    static final Duration VALIDITY = Duration.ofSeconds(30);
    static final int MAX_OUTSTANDING = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LaunchTickets(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Issues a ticket for {@code payload}, redeemable once by {@code userId}. */
    String issue(long userId, Object payload) {
        Instant now = clock.instant();
        jdbc.sql("delete from launch_ticket where expires_at < ?").param(Timestamp.from(now)).update();
        long outstanding = jdbc.sql("select count(*) from launch_ticket").query(Long.class).single();
        if (outstanding >= MAX_OUTSTANDING) {
            throw new IllegalStateException("Too many sessions are being opened at once; try again in a moment.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into launch_ticket (ticket_hash, user_id, kind, payload, expires_at) values (?, ?, ?, ?, ?)")
                .params(Sha256.hex(ticket), userId, payload.getClass().getSimpleName(),
                        json.writeValueAsString(payload), Timestamp.from(now.plus(VALIDITY)))
                .update();
        return ticket;
    }

    /** The payload, if the ticket exists, has not expired, belongs to the user and is of the expected type. */
    <T> Optional<T> redeem(String ticket, long userId, Class<T> type) {
        if (ticket == null) {
            return Optional.empty();
        }
        String hash = Sha256.hex(ticket);
        Optional<Pending> pending = jdbc.sql("select user_id, kind, payload, expires_at from launch_ticket "
                        + "where ticket_hash = ?")
                .param(hash)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
        // Whatever the outcome, a presented ticket is spent; of two nodes presenting it, one deletes the row.
        boolean spent = pending.isPresent()
                && jdbc.sql("delete from launch_ticket where ticket_hash = ?").param(hash).update() == 1;
        if (!spent) {
            return Optional.empty();
        }
        Pending p = pending.get();
        if (p.userId() != userId || p.expires().isBefore(clock.instant())
                || !p.kind().equals(type.getSimpleName())) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(p.payload(), type));
    }

    private record Pending(long userId, String kind, String payload, Instant expires) {
    }
}
