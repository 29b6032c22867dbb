package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.airlock.server.asset.Protocol;
import io.airlock.server.session.SessionService.MonitorGrant;
import io.airlock.server.support.MigratedDatabase;
import io.airlock.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Launch tickets in a real database, redeemed on whichever gateway node the WebSocket reaches. */
class LaunchTicketsTest {

    private static final Launch LAUNCH = new Launch(7, "alice", "10.1.1.1", 3, "Plant A", 11, "PLC-1", 21,
            Protocol.SSH, "10.20.0.5", 22, true, false, "operator");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    /** A gateway node's tickets, with a connection pool of its own. */
    private LaunchTickets node(MigratedDatabase database) {
        var pool = new HikariDataSource();
        pool.setDataSource(database.dataSource());
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return new LaunchTickets(JdbcClient.create(pool), json, clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTicketIssuedOnOneNodeIsRedeemedOnAnotherExactlyOnce(String database) throws Exception {
        try (var db = MigratedDatabase.create(database)) {
            LaunchTickets a = node(db);
            LaunchTickets b = node(db);
            String ticket = a.issue(7, LAUNCH);

            assertThat(b.redeem(ticket, 7, Launch.class)).contains(LAUNCH);
            assertThat(a.redeem(ticket, 7, Launch.class)).isEmpty();
            assertThat(b.redeem(ticket, 7, Launch.class)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ofManyNodesPresentingOneTicketAtOnceOnlyOneOpensTheSession(String database) throws Exception {
        try (var db = MigratedDatabase.create(database); var threads = Executors.newFixedThreadPool(8)) {
            List<LaunchTickets> nodes = List.of(node(db), node(db), node(db), node(db));
            for (int round = 0; round < 20; round++) {
                String ticket = nodes.get(0).issue(7, LAUNCH);
                var start = new CountDownLatch(1);
                List<Future<Optional<Launch>>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    LaunchTickets node = nodes.get(i % nodes.size());
                    Callable<Optional<Launch>> attempt = () -> {
                        start.await();
                        return node.redeem(ticket, 7, Launch.class);
                    };
                    attempts.add(threads.submit(attempt));
                }
                start.countDown();
                int opened = 0;
                for (Future<Optional<Launch>> attempt : attempts) {
                    opened += attempt.get().isPresent() ? 1 : 0;
                }
                assertThat(opened).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    void anExpiredTicketOpensNothing() throws Exception {
        try (var db = MigratedDatabase.create("h2")) {
            LaunchTickets tickets = node(db);
            String ticket = tickets.issue(7, LAUNCH);
            clock.advance(LaunchTickets.VALIDITY.plus(Duration.ofMillis(1)));
            assertThat(tickets.redeem(ticket, 7, Launch.class)).isEmpty();
        }
    }

    @Test
    void anotherUsersTicketOpensNothingAndIsSpent() throws Exception {
        try (var db = MigratedDatabase.create("h2")) {
            LaunchTickets tickets = node(db);
            String ticket = tickets.issue(7, LAUNCH);
            assertThat(tickets.redeem(ticket, 8, Launch.class)).isEmpty();
            assertThat(tickets.redeem(ticket, 7, Launch.class)).isEmpty();
        }
    }

    @Test
    void aMonitorTicketDoesNotOpenASessionNorTheOtherWayRound() throws Exception {
        try (var db = MigratedDatabase.create("h2")) {
            LaunchTickets tickets = node(db);
            assertThat(tickets.redeem(tickets.issue(7, new MonitorGrant(5)), 7, Launch.class)).isEmpty();
            assertThat(tickets.redeem(tickets.issue(7, LAUNCH), 7, MonitorGrant.class)).isEmpty();
            assertThat(tickets.redeem(tickets.issue(7, new MonitorGrant(5)), 7, MonitorGrant.class))
                    .contains(new MonitorGrant(5));
        }
    }

    @Test
    void theDatabaseHoldsOnlyTheTicketsHashAndForgetsExpiredOnes() throws Exception {
        try (var db = MigratedDatabase.create("h2")) {
            LaunchTickets tickets = node(db);
            String old = tickets.issue(7, LAUNCH);
            var jdbc = JdbcClient.create(db.dataSource());
            assertThat(jdbc.sql("select ticket_hash from launch_ticket").query(String.class).list())
                    .singleElement().asString().isNotEqualTo(old).matches("[0-9a-f]{64}");
            assertThat(jdbc.sql("select payload from launch_ticket").query(String.class).single()).doesNotContain(old);

            clock.advance(Duration.ofMinutes(1));
            tickets.issue(7, LAUNCH);
            assertThat(jdbc.sql("select count(*) from launch_ticket").query(Long.class).single()).isEqualTo(1);
        }
    }
}
