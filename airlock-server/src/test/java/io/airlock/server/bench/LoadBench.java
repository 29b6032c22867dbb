package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.ChildGateway;
import io.airlock.server.support.GatewayClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Load on one gateway node: {@code airlock.bench.sessions} (default 200) concurrent recorded SSH sessions to
 * the real peer, each printing a line every 100 ms for {@code airlock.bench.minutes} (default 5) with three
 * bursts of bulk output, a keystroke echo every second in each, while 10 admins poll Session History. Prints
 * keystroke echo percentiles, live heap after a full collection at 0, ¼, ½ and all sessions open (then all
 * start printing together) and again halfway through, the gateway's
 * threads and open files, sessions dropped, and how long until every recording is Recorded = Yes.
 *
 * <p>The gateway runs in its own JVM with the JVM's default heap, as {@code ./airlock run} starts it, on an
 * embedded database and bucket; the clients run in this one. Not a test: nothing is asserted, the figures
 * depend on the machine ({@code SessionsUnderLoadTest} checks the behaviour on a smaller run).
 */
public final class LoadBench {

    private static final String ADMIN_PASSWORD = "bench-admin-password-1";
    private static final double MB = 1024 * 1024;

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("airlock.bench.sessions", 200);
        Duration length = Duration.ofSeconds(Math.round(60 * Double.parseDouble(
                System.getProperty("airlock.bench.minutes", "5"))));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        TestPeers peers;
        try {
            peers = TestPeers.load();
        } catch (IllegalStateException e) {
            System.err.println("bench-load: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path data = Files.createTempDirectory("airlock-bench-load-");
        int status = 0;
        System.out.printf(Locale.ROOT, "%nStarting a gateway and %d recorded sessions of %s each...%n", sessions,
                length);
        try (var gateway = ChildGateway.start(data, Map.of("AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "logging.level.root", "WARN"), ChildGateway.freePort(), List.of())) {
            var admin = new GatewayClient(gateway.port());
            if (admin.signIn("admin", ADMIN_PASSWORD).status() != 200) {
                throw new IllegalStateException("the admin could not sign in");
            }
            var settings = new LoadRun.Settings(sessions, length, 10,
                    new TreeSet<>(List.of(0, sessions / 4, sessions / 2, sessions)),
                    Duration.ofMinutes(Integer.getInteger("airlock.bench.store-minutes", 60)));
            LoadRun.Result result = LoadRun.run(new ChildGatewayGauge(gateway), admin, peers, "load", settings,
                    closed -> printSessions(closed, loadBefore,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            printStorage(result);
            if (!result.dropped().isEmpty() || result.recorded() != sessions) {
                status = 1;
            }
        } catch (Exception | AssertionError e) {
            System.err.println("bench-load failed: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            SessionBench.deleteTree(data);
        }
        System.exit(status);
    }

    /** What the sessions saw, printed when they close (storing every recording may take long after). */
    private static void printSessions(LoadRun.Result r, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nAirlock load benchmark: %d recorded SSH sessions of %s on one node, "
                + "%d cores, Java %s%n", r.sessions(), r.length(), Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        out.append(String.format(Locale.ROOT, "Load average %.2f before, %.2f after; all %d sessions open after "
                + "%.1f s%n%n", loadBefore, loadAfter, r.sessions(), r.openingTook().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "Keystroke echo under load, %d keys (ms): p50 %.2f  p90 %.2f  p99 %.2f"
                + "  max %.2f%n", r.echoMillis().length, r.echo(50), r.echo(90), r.echo(99), r.echo(100)));
        out.append(String.format(Locale.ROOT, "Session History polls by 10 admins, %d requests (ms): p50 %.1f  "
                + "p99 %.1f  max %.1f%n%n", r.pollMillis().length, r.poll(50), r.poll(99), r.poll(100)));
        out.append("Live heap after a full collection\n");
        r.liveHeap().forEach((open, bytes) -> out.append(String.format(Locale.ROOT, "  %4d sessions  %8.1f MB%n",
                open, bytes / MB)));
        out.append(String.format(Locale.ROOT, "  %4d sessions  %8.1f MB  halfway through, all printing%n",
                r.sessions(), r.liveHeapRunning() / MB));
        out.append(String.format(Locale.ROOT, "  per session: %.2f MB on average, %.2f MB each beyond the first "
                + "quarter (the first sessions also hold the live video encoders)%n%n", r.heapPerSession() / MB,
                r.heapPerLaterSession() / MB));
        out.append("Gateway process at its peak: ");
        r.peakProcess().forEach((k, v) -> out.append(k).append(' ').append(v).append("  "));
        out.append(String.format(Locale.ROOT, "%n%nSessions dropped: %d%n", r.dropped().size()));
        r.dropped().stream().limit(10).forEach(d -> out.append("  ").append(d).append('\n'));
        out.append("Waiting until every recording is stored...\n");
        System.out.println(out);
    }

    private static void printStorage(LoadRun.Result r) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Recordings stored (Recorded = Yes): %d of %d, the last %.0f s after "
                + "the sessions closed%n", r.recorded(), r.sessions(), r.untilAllRecorded().toMillis() / 1000.0));
        out.append("End reason / recording status: ").append(r.endReasons()).append('\n');
        System.out.println(out);
    }
}
