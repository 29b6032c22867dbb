package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.airlock.server.config.AirlockProperties;
import io.airlock.server.support.MigratedDatabase;
import io.airlock.server.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle against a real database (H2 here; the gateways' test on PostgreSQL below), including
 * several gateways sharing it.
 */
class LoginThrottleTest {

    private static final AirlockProperties PROPERTIES = new AirlockProperties(Path.of("unused"), null, null,
            new AirlockProperties.Login(10, Duration.ofSeconds(30), Duration.ofMinutes(15)));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<HikariDataSource> pools = new ArrayList<>();
    private MigratedDatabase db;
    private LoginThrottle throttle;

    @BeforeEach
    void database() throws Exception {
        db = MigratedDatabase.create("h2");
        throttle = node(db);
    }

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
        db.close();
    }

    /** A gateway's throttle, with a connection pool of its own as a gateway has. */
    private LoginThrottle node(MigratedDatabase database) {
        var pool = new HikariDataSource();
        pool.setDataSource(database.dataSource());
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return new LoginThrottle(JdbcClient.create(pool), PROPERTIES, clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void tenFailuresSpreadOverThreeGatewaysStillLockTheName(String database) throws Exception {
        try (var shared = MigratedDatabase.create(database)) {
            List<LoginThrottle> nodes = List.of(node(shared), node(shared), node(shared));
            for (int i = 0; i < 10; i++) {
                nodes.get(i % 3).recordFailure("mallory", "10.9.0." + i);
            }
            for (LoginThrottle node : nodes) {
                assertThat(node.retryAfter("Mallory", "10.8.0.1")).contains(Duration.ofSeconds(30));
            }
            nodes.get(1).recordSuccess("mallory");
            assertThat(nodes.get(2).retryAfter("mallory", "10.8.0.1")).isEmpty();
        }
    }

    @Test
    void failuresArrivingAtSeveralGatewaysAtOnceAllCount() throws Exception {
        List<LoginThrottle> nodes = List.of(node(db), node(db), node(db), node(db));
        try (var threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                LoginThrottle node = nodes.get(i % 4);
                threads.submit(() -> node.recordFailure("trent", "10.7.0.1"));
            }
        }
        assertThat(JdbcClient.create(pools.getFirst()).sql("select failures from login_failure where throttle_key = "
                + "'u:trent'").query(Integer.class).single()).isEqualTo(40);
    }

    @Test
    void nineFailuresDoNotThrottleTheTenthDoes() {
        fail("alice", 9);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();

        fail("alice", 1);

        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("ALICE", "10.0.0.2")).as("other address, same name").isPresent();
    }

    @Test
    void lockoutEndsAndDoublesWithTheNextFailure() {
        fail("bob", 10);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();

        fail("bob", 1);

        assertThat(throttle.retryAfter("bob", "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void lockoutNeverExceedsTheMaximum() {
        for (int i = 0; i < 30; i++) {
            fail("carol", 1);
            clock.advance(Duration.ofMinutes(14));
        }
        assertThat(throttle.retryAfter("carol", "10.0.0.1").orElseThrow()).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void successClearsTheCount() {
        fail("dave", 9);
        throttle.recordSuccess("dave");
        fail("dave", 9);

        assertThat(throttle.retryAfter("dave", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneAddressSprayingManyNamesIsThrottled() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("user" + i, "10.6.6.6");
        }
        assertThat(throttle.retryAfter("someone-else", "10.6.6.6")).isPresent();
        assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresFarApartAreNotInARow() {
        for (int i = 0; i < 12; i++) {
            fail("erin", 1);
            clock.advance(Duration.ofMinutes(16));
        }
        assertThat(throttle.retryAfter("erin", "10.0.0.1")).isEmpty();
    }

    @Test
    void aFloodOfNamesLeavesNoMoreThanOneLockoutsWorthOfRows() {
        for (int i = 0; i < 500; i++) {
            throttle.recordFailure("flood" + i, "10.1.0." + (i % 2));
        }
        assertThat(throttle.tracked()).isEqualTo(500 + 2);
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("late", "10.2.0.1");
        assertThat(throttle.tracked()).isEqualTo(2);
    }

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, "10.0.0.1");
        }
    }
}
