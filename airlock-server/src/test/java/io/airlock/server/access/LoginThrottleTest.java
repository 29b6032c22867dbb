package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.config.AirlockProperties;
import io.airlock.server.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new AirlockProperties(Path.of("unused"), null, null,
            new AirlockProperties.Login(10, Duration.ofSeconds(30), Duration.ofMinutes(15))), clock);

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
    void memoryStaysBoundedUnderAFloodOfNames() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            throttle.recordFailure("flood" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
    }

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, "10.0.0.1");
        }
    }
}
