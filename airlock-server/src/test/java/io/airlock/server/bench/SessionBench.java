package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.Gateways;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keystroke echo latency and bulk output throughput of an SSH session through the gateway's WebSocket
 * tunnel, unrecorded and recorded (a group that enforces recording: spool file, live video encoder, the
 * embedded bucket), next to the same measurements on a direct SSH shell (MINA SSHD, same PTY) to the same
 * peer.
 *
 * <p>Needs the test peers ({@code scripts/peers.sh start}). Starts its own gateway with a temporary data
 * directory, sets up an admin, asset, access method, user and two groups over the API, measures, prints a
 * table and stops everything. Settings (system properties): {@code airlock.bench.keystrokes} (default
 * 10 000, so that the 1 % slowest are a hundred keys and p99 does not hang on a few),
 * {@code airlock.bench.megabytes} of zeros sent through {@code base64} per round (default 100).
 * Not a test: the figures depend on the machine and its load, and nothing is asserted.
 *
 * <p>Run from the repository root: {@code mvn -B -q -Pbench -pl airlock-server -am -Dweb.skip=true
 * test-compile} (the {@code bench} profile of airlock-server runs this class in its own JVM).
 */
public final class SessionBench {

    private static final Duration KEYSTROKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BULK_TIMEOUT = Duration.ofSeconds(180);
    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long the recorded session's video may take to show how it was made, after the session. */
    private static final Duration VIDEO_WAIT = Duration.ofMinutes(5);
    private static final int WARMUP_KEYSTROKES = 100;
    private static final int WARMUP_MEGABYTES = 10;
    private static final int BULK_ROUNDS = 9;
    static final int COLUMNS = 80;
    static final int ROWS = 24;
    static final String TERM = "xterm-256color";
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";
    private static final double MB = 1024 * 1024;

    private SessionBench() {
    }

    /** Opens a fresh shell of one route. */
    @FunctionalInterface
    private interface ShellOpener {
        Shell open() throws IOException;
    }

    /** The echo and bulk figures of one route to the shell. */
    record Route(Latency echo, Bulk bulk) {
    }

    /**
     * Echo latency on one shell of each route, bulk output on another. The routes take turns, a key or
     * one bulk round each, so that load from elsewhere on the machine falls on all of them alike.
     */
    private static List<Route> measure(List<ShellOpener> routes, int keystrokes, int megabytes) throws IOException {
        List<Shell> shells = new ArrayList<>();
        double[][] millis = new double[routes.size()][keystrokes];
        try {
            for (ShellOpener route : routes) {
                shells.add(route.open());
                startCat(shells.getLast());
                echo(shells.getLast(), new double[WARMUP_KEYSTROKES], 0, WARMUP_KEYSTROKES);
            }
            // Key by key, the routes taking turns: a burst of load elsewhere on the machine lands on all of them.
            for (int key = 0; key < keystrokes; key++) {
                for (int r = 0; r < routes.size(); r++) {
                    echo(shells.get(r), millis[r], key, key + 1);
                }
            }
        } finally {
            shells.forEach(Shell::close);
        }
        shells.clear();
        List<List<Throughput>> rounds = new ArrayList<>();
        try {
            for (ShellOpener route : routes) {
                shells.add(route.open());
                run(shells.getLast(), WARMUP_MEGABYTES, "WARM");
                rounds.add(new ArrayList<>());
            }
            for (int i = 0; i < BULK_ROUNDS; i++) {
                for (int r = 0; r < routes.size(); r++) {
                    rounds.get(r).add(run(shells.get(r), megabytes, "BULK"));
                }
            }
        } finally {
            shells.forEach(Shell::close);
        }
        List<Route> measured = new ArrayList<>();
        for (int r = 0; r < routes.size(); r++) {
            rounds.get(r).sort(Comparator.comparingDouble(Throughput::megabytesPerSecond));
            measured.add(new Route(latency(millis[r]), new Bulk(List.copyOf(rounds.get(r)))));
        }
        return measured;
    }

    record Latency(double p50, double p90, double p99, double max, double mean) {
    }

    record Throughput(long bytes, double seconds, long chunks) {
        double megabytesPerSecond() {
            return bytes / MB / seconds;
        }
    }

    /** Bulk rounds sorted by rate: the median is the figure, the spread shows the noise. */
    record Bulk(List<Throughput> rounds) {
        Throughput median() {
            return rounds.get(rounds.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        int keystrokes = Integer.getInteger("airlock.bench.keystrokes", 10000);
        int megabytes = Integer.getInteger("airlock.bench.megabytes", 100);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        TestPeers peers;
        try {
            peers = TestPeers.load();
        } catch (IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path data = Files.createTempDirectory("airlock-bench-");
        int status = 0;
        try (ConfigurableApplicationContext gateway = Gateways.start(Map.of("AIRLOCK_DATA", data.toString(),
                "AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD, "logging.level.root", "ERROR"))) {
            var shells = new GatewayShells(Gateways.port(gateway), peers, ADMIN_PASSWORD);
            var client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(
                    new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, peers.sshKnownHosts()));
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.start();
            try {
                System.out.printf(Locale.ROOT, "%nMeasuring: %d keystrokes (after %d warm-up), %d x %d MB of zeros "
                        + "through base64 (after %d MB warm-up), through the gateway unrecorded and recorded and "
                        + "directly, taking turns...%n", keystrokes, WARMUP_KEYSTROKES, BULK_ROUNDS, megabytes,
                        WARMUP_MEGABYTES);
                List<Long> recordedSessions = new ArrayList<>();
                // The JDK's HttpClient WebSocket costs more than the gateway itself on a small machine; the
                // lean client measures the gateway as a browser would see it (airlock.bench.client=jdk: not).
                boolean lean = !"jdk".equals(System.getProperty("airlock.bench.client"));
                List<Route> measured = measure(List.of(() -> lean ? shells.openLean(false, id -> { })
                        : shells.open(false), () -> {
                            if (lean) {
                                return shells.openLean(true, recordedSessions::add);
                            }
                            var shell = shells.open(true);
                            recordedSessions.add(shell.sessionId());
                            return shell;
                        }, () -> DirectShell.open(client, peers)), keystrokes, megabytes);
                List<String> videos = recordedSessions.stream().map(id -> shells.videoOutcome(id, VIDEO_WAIT))
                        .toList();
                printTable(peers, keystrokes, megabytes, List.of(
                        Map.entry("through the gateway", measured.get(0)),
                        Map.entry("gateway, recorded", measured.get(1)),
                        Map.entry("direct SSH", measured.get(2))), videos, loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                client.stop();
            }
        } catch (Exception | AssertionError e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            deleteTree(data);
        }
        // Stray non-daemon threads (HTTP clients, SSH) must not keep the benchmark alive.
        System.exit(status);
    }

    // ---------------------------------------------------------------------------------------------
    // Measurements

    /**
     * The shell runs {@code cat} on a raw, non-echoing terminal, so each key comes back as exactly one
     * byte written by a process on the equipment, as a shell or editor echoes it.
     */
    private static void startCat(Shell shell) throws IOException {
        shell.expect("RAW-2");
        shell.send("stty raw -echo; echo RAW-$((1+1)); exec cat\n".getBytes(StandardCharsets.US_ASCII));
        if (shell.awaitMarker(WAIT) < 0) {
            throw new IllegalStateException("the shell did not start cat; output: " + shell.tail());
        }
        pause(200); // the line end after the marker; then nothing comes until keys come back
    }

    /** Keys {@code from} to {@code to}, one at a time, the next sent when the previous came back. */
    private static void echo(Shell shell, double[] millis, int from, int to) throws IOException {
        long received = shell.received();
        for (int i = from; i < to; i++) {
            byte key = (byte) ('a' + i % 26);
            long sent = System.nanoTime();
            shell.send(new byte[] {key});
            if (!shell.awaitReceived(received + 1, KEYSTROKE_TIMEOUT)) {
                throw new IllegalStateException("keystroke " + i + " did not come back within " + KEYSTROKE_TIMEOUT);
            }
            long back = System.nanoTime();
            received++;
            String tail = shell.tail();
            if (tail.isEmpty() || tail.charAt(tail.length() - 1) != key) {
                throw new IllegalStateException("keystroke " + i + " came back as something else: " + tail);
            }
            millis[i] = (back - sent) / 1e6;
        }
    }

    private static Latency latency(double[] millis) {
        Arrays.sort(millis);
        return new Latency(LoadRun.percentile(millis, 50), LoadRun.percentile(millis, 90),
                LoadRun.percentile(millis, 99), millis[millis.length - 1], Arrays.stream(millis).average().orElse(0));
    }

    /** A run of {@code head -c N /dev/zero | base64} on the normal (cooked) terminal. */
    private static Throughput run(Shell shell, int megabytes, String name) throws IOException {
        String marker = name + "-42";
        shell.expect(marker);
        long started = System.nanoTime();
        shell.send(("head -c " + megabytes + "M /dev/zero | base64; echo " + name + "-$((40+2))\n")
                .getBytes(StandardCharsets.US_ASCII));
        long at = shell.awaitMarker(BULK_TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (at < 0) {
            throw new IllegalStateException(name + " did not finish within " + BULK_TIMEOUT + "; output: "
                    + shell.tail());
        }
        pause(200); // let the prompt arrive, so it does not count towards the next run
        return new Throughput(at, seconds, shell.chunks());
    }

    /** The last route is the direct one, which the others are compared with. */
    private static void printTable(TestPeers peers, int keystrokes, int megabytes, List<Map.Entry<String, Route>> routes,
            List<String> videos, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nAirlock session benchmark: SSH peer %s:%d, PTY %s %dx%d, %d cores, "
                + "Java %s%n%n", peers.host(), peers.sshPort(), TERM, COLUMNS, ROWS,
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(String.format(Locale.ROOT, "Load average %.2f before, %.2f after (other work on the machine skews "
                + "the figures)%n%n", loadBefore, loadAfter));
        out.append(String.format(Locale.ROOT, "Keystroke echo round trip, %d keys (ms)%n", keystrokes));
        out.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max",
                "mean"));
        for (var row : routes) {
            Latency l = row.getValue().echo();
            out.append(String.format(Locale.ROOT, "  %-22s %8.3f %8.3f %8.3f %8.3f %8.3f%n", row.getKey(), l.p50(),
                    l.p90(), l.p99(), l.max(), l.mean()));
        }
        out.append(String.format(Locale.ROOT, "%nBulk output: head -c %dM /dev/zero | base64 (terminal bytes), median "
                + "of %d rounds%n", megabytes, BULK_ROUNDS));
        out.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %14s %10s%n", "", "MB", "s", "MB/s", "MB/s rounds",
                "avg chunk"));
        for (var row : routes) {
            Throughput t = row.getValue().bulk().median();
            String rounds = row.getValue().bulk().rounds().stream()
                    .map(r -> String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()))
                    .reduce((a, b) -> a + "/" + b).orElse("");
            out.append(String.format(Locale.ROOT, "  %-22s %8.1f %8.2f %8.1f %14s %8d B%n", row.getKey(),
                    t.bytes() / MB, t.seconds(), t.megabytesPerSecond(), rounds, t.bytes() / Math.max(1, t.chunks())));
        }
        out.append(String.format(Locale.ROOT, "  (avg chunk: bytes per WebSocket message through the gateway, per "
                + "read of the SSH channel directly;%n   the benchmark's WebSocket client runs in the gateway's JVM "
                + "and shares its CPUs, as do the peer's sshd and processes)%n"));
        out.append(String.format(Locale.ROOT, "%n  recorded sessions' videos: %s%n", String.join("; ", videos)));
        Route direct = routes.getLast().getValue();
        for (var row : routes.subList(0, routes.size() - 1)) {
            Route r = row.getValue();
            out.append(String.format(Locale.ROOT, "  %s vs direct: echo p50 %+.3f ms, p99 %+.3f ms, throughput "
                    + "%.0f %% of direct%n", row.getKey(), r.echo().p50() - direct.echo().p50(),
                    r.echo().p99() - direct.echo().p99(),
                    100 * r.bulk().median().megabytesPerSecond() / direct.bulk().median().megabytesPerSecond()));
        }
        System.out.println(out);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
