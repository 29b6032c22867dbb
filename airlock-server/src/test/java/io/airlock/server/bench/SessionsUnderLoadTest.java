package io.airlock.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.GatewayClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark's run, smaller: 20 recorded SSH sessions at once on a gateway in its own JVM, each
 * printing a line every 100 ms with bursts of bulk output while admins poll Session History. No session
 * loses a line or is dropped, every keystroke comes back, and every recording reaches the bucket.
 * Figures are printed, not asserted ({@code ./airlock bench-load} measures them at full size).
 */
class SessionsUnderLoadTest {

    private static final String ADMIN_PASSWORD = "load-admin-password-1";
    private static final int SESSIONS = 20;

    @Test
    void everySessionKeepsEveryLineAndEveryRecordingIsStored() throws Exception {
        TestPeers peers = TestPeers.load();
        Path data = Files.createTempDirectory("airlock-load-test-");
        try (var gateway = ChildGateway.start(data, Map.of("AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            var admin = new GatewayClient(gateway.port());
            assertThat(admin.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
            var settings = new LoadRun.Settings(SESSIONS, Duration.ofSeconds(30), 3, Set.of(0, SESSIONS),
                    Duration.ofMinutes(5));

            LoadRun.Result result = LoadRun.run(new ChildGatewayGauge(gateway), admin, peers, "load-test", settings,
                    LoadRun.NONE);

            System.out.printf("load test: echo p50 %.1f ms, p99 %.1f ms over %d keys; %.2f MB live heap per session; "
                    + "all recorded %d s after closing%n", result.echo(50), result.echo(99), result.echoMillis().length,
                    result.heapPerSession() / 1048576.0, result.untilAllRecorded().toSeconds());
            assertThat(result.dropped()).as("sessions that lost output or were dropped").isEmpty();
            assertThat(result.echoMillis()).as("keystrokes that came back").hasSizeGreaterThan(SESSIONS * 10);
            assertThat(result.recorded()).as("recordings stored").isEqualTo(SESSIONS);
            assertThat(result.endReasons()).containsOnlyKeys("CLOSED_BY_USER / READY");
            assertThat(result.liveHeap()).containsOnlyKeys(0, SESSIONS);
        } finally {
            SessionBench.deleteTree(data);
        }
    }
}
