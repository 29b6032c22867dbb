package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Gateways;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keystroke echo latency and bulk output throughput of an SSH session through the gateway's WebSocket
 * tunnel, next to the same measurements on a direct SSH shell (MINA SSHD, same PTY) to the same peer.
 *
 * <p>Needs the test peers ({@code scripts/peers.sh start}). Starts its own gateway with a temporary data
 * directory, sets up an admin, asset, access method, user and group over the API, measures, prints a
 * table and stops everything. Settings (system properties): {@code airlock.bench.keystrokes} (default
 * 500), {@code airlock.bench.megabytes} of zeros sent through {@code base64} per round (default 100).
 * Not a test: the figures depend on the machine and its load, and nothing is asserted.
 *
 * <p>Run from the repository root: {@code mvn -B -q -Pbench -pl airlock-server -am -Dweb.skip=true
 * test-compile} (the {@code bench} profile of airlock-server runs this class in its own JVM).
 */
public final class SessionBench {

    private static final Duration KEYSTROKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BULK_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int WARMUP_KEYSTROKES = 100;
    private static final int WARMUP_MEGABYTES = 10;
    private static final int BULK_ROUNDS = 3;
    private static final int COLUMNS = 80;
    private static final int ROWS = 24;
    private static final String TERM = "xterm-256color";
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";
    private static final double MB = 1024 * 1024;

    private SessionBench() {
    }

    /** One way of reaching the peer's shell: through the gateway or directly. */
    private interface Shell extends AutoCloseable {
        void send(byte[] keys) throws IOException;

        /** Waits until {@code total} bytes were received since {@link #expect}; false on timeout. */
        boolean awaitReceived(long total, Duration timeout) throws IOException;

        /** Bytes received since {@link #expect}. */
        long received();

        /** Waits until the marker was received; returns the bytes received up to its end, -1 on timeout. */
        long awaitMarker(Duration timeout) throws IOException;

        /** Starts counting from zero and looking for a new marker. */
        void expect(String marker);

        /** WebSocket messages (gateway) or stream reads (direct) since {@link #expect}. */
        long chunks();

        String tail();

        @Override
        void close();
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
        int keystrokes = Integer.getInteger("airlock.bench.keystrokes", 500);
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
            int port = Gateways.port(gateway);
            var setup = setUp(port, peers);
            var client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(
                    new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, peers.sshKnownHosts()));
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.start();
            try {
                System.out.printf(Locale.ROOT, "%nMeasuring: %d keystrokes (after %d warm-up), %d x %d MB of zeros "
                        + "through base64 (after %d MB warm-up), each through the gateway and directly...%n",
                        keystrokes, WARMUP_KEYSTROKES, BULK_ROUNDS, megabytes, WARMUP_MEGABYTES);
                Latency gatewayEcho;
                Bulk gatewayBulk;
                try (Shell shell = gatewayShell(setup)) {
                    gatewayEcho = echoLatency(shell, keystrokes);
                }
                try (Shell shell = gatewayShell(setup)) {
                    gatewayBulk = bulk(shell, megabytes);
                }
                Latency directEcho;
                Bulk directBulk;
                try (Shell shell = directShell(client, peers)) {
                    directEcho = echoLatency(shell, keystrokes);
                }
                try (Shell shell = directShell(client, peers)) {
                    directBulk = bulk(shell, megabytes);
                }
                printTable(peers, keystrokes, megabytes, gatewayEcho, directEcho, gatewayBulk, directBulk,
                        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
     * byte written by a process on the equipment, as a shell or editor echoes it. One key at a time; the
     * next is sent when the previous came back.
     */
    private static Latency echoLatency(Shell shell, int keystrokes) throws IOException {
        shell.expect("RAW-2");
        shell.send("stty raw -echo; echo RAW-$((1+1)); exec cat\n".getBytes(StandardCharsets.US_ASCII));
        if (shell.awaitMarker(WAIT) < 0) {
            throw new IllegalStateException("the shell did not start cat; output: " + shell.tail());
        }
        pause(200); // the line end after the marker; then nothing comes until keys come back
        long received = shell.received();
        double[] millis = new double[keystrokes];
        for (int i = -WARMUP_KEYSTROKES; i < keystrokes; i++) {
            byte key = (byte) ('a' + Math.floorMod(i, 26));
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
            if (i >= 0) {
                millis[i] = (back - sent) / 1e6;
            }
        }
        Arrays.sort(millis);
        return new Latency(percentile(millis, 50), percentile(millis, 90), percentile(millis, 99),
                millis[millis.length - 1], Arrays.stream(millis).average().orElse(0));
    }

    /** Output of {@code head -c N /dev/zero | base64} on the normal (cooked) terminal, warm-up run first. */
    private static Bulk bulk(Shell shell, int megabytes) throws IOException {
        run(shell, WARMUP_MEGABYTES, "WARM");
        List<Throughput> rounds = new ArrayList<>();
        for (int i = 0; i < BULK_ROUNDS; i++) {
            rounds.add(run(shell, megabytes, "BULK"));
        }
        rounds.sort(Comparator.comparingDouble(Throughput::megabytesPerSecond));
        return new Bulk(List.copyOf(rounds));
    }

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

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void printTable(TestPeers peers, int keystrokes, int megabytes, Latency gatewayEcho,
            Latency directEcho, Bulk gatewayBulk, Bulk directBulk, double loadBefore, double loadAfter) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nAirlock session benchmark: SSH peer %s:%d, PTY %s %dx%d, %d cores, "
                + "Java %s%n%n", peers.host(), peers.sshPort(), TERM, COLUMNS, ROWS,
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(String.format(Locale.ROOT, "Load average %.2f before, %.2f after (other work on the machine skews "
                + "the figures)%n%n", loadBefore, loadAfter));
        out.append(String.format(Locale.ROOT, "Keystroke echo round trip, %d keys (ms)%n", keystrokes));
        out.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max",
                "mean"));
        for (var row : List.of(Map.entry("through the gateway", gatewayEcho), Map.entry("direct SSH", directEcho))) {
            Latency l = row.getValue();
            out.append(String.format(Locale.ROOT, "  %-22s %8.3f %8.3f %8.3f %8.3f %8.3f%n", row.getKey(), l.p50(),
                    l.p90(), l.p99(), l.max(), l.mean()));
        }
        out.append(String.format(Locale.ROOT, "%nBulk output: head -c %dM /dev/zero | base64 (terminal bytes), median "
                + "of %d rounds%n", megabytes, BULK_ROUNDS));
        out.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %14s %10s%n", "", "MB", "s", "MB/s", "MB/s rounds",
                "avg chunk"));
        for (var row : List.of(Map.entry("through the gateway", gatewayBulk), Map.entry("direct SSH", directBulk))) {
            Throughput t = row.getValue().median();
            String rounds = row.getValue().rounds().stream()
                    .map(r -> String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()))
                    .reduce((a, b) -> a + "/" + b).orElse("");
            out.append(String.format(Locale.ROOT, "  %-22s %8.1f %8.2f %8.1f %14s %8d B%n", row.getKey(),
                    t.bytes() / MB, t.seconds(), t.megabytesPerSecond(), rounds, t.bytes() / Math.max(1, t.chunks())));
        }
        out.append(String.format(Locale.ROOT, "  (avg chunk: bytes per WebSocket message through the gateway, per "
                + "read of the SSH channel directly;%n   the benchmark's WebSocket client runs in the gateway's JVM "
                + "and shares its CPUs, as do the peer's sshd and processes)%n"));
        out.append(String.format(Locale.ROOT, "%n  gateway vs direct: echo p50 %+.3f ms, throughput %.0f %% of "
                + "direct%n",
                gatewayEcho.p50() - directEcho.p50(),
                100 * gatewayBulk.median().megabytesPerSecond() / directBulk.median().megabytesPerSecond()));
        System.out.println(out);
    }

    // ---------------------------------------------------------------------------------------------
    // The two shells

    record Setup(GatewayClient client, long groupId, long methodId) {
    }

    /** Admin, asset, SSH access method with the peer's password, a user and a group, all over the API. */
    private static Setup setUp(int port, TestPeers peers) {
        var admin = new GatewayClient(port);
        expect(admin.signIn("admin", ADMIN_PASSWORD), 200, "admin sign-in");
        long asset = Json.parse(expect(admin.post("/api/assets", Json.object("name", "bench-equipment", "host",
                peers.host())), 201, "create asset")).get("id").asLong();
        long method = Json.parse(expect(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "SSH",
                "port", peers.sshPort(), "username", peers.user(), "password", peers.password())), 201,
                "create access method")).get("id").asLong();
        String username = "bench-operator";
        String temporary = "temporary-password-1";
        expect(admin.post("/api/users", Json.object("username", username, "displayName", username, "role", "USER",
                "password", temporary)), 201, "create user");
        var user = new GatewayClient(port);
        expect(user.signIn(username, temporary), 200, "user sign-in");
        expect(user.post("/api/me/password", Json.object("currentPassword", temporary, "newPassword",
                "bench-operator-password-1")), 204, "password change");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        long group = Json.parse(expect(admin.post("/api/groups", Json.write(Map.of("name", "bench-group",
                "enforceRecording", false, "memberIds", List.of(userId), "methodIds", List.of(method)))), 201,
                "create group")).get("id").asLong();
        return new Setup(user, group, method);
    }

    private static String expect(GatewayClient.Reply reply, int status, String what) {
        if (reply.status() != status && !(status == 201 && reply.status() == 200)) {
            throw new IllegalStateException(what + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    private static Shell gatewayShell(Setup setup) {
        var launch = setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        String ticket = Json.parse(expect(launch, 200, "launch")).get("ticket").asString();
        TerminalSocket socket = setup.client().openSocket("/ws/terminal?ticket=" + ticket + "&cols=" + COLUMNS
                + "&rows=" + ROWS, setup.client().origin());
        socket.awaitNotice("ready", WAIT);
        return new Shell() {
            @Override
            public void send(byte[] keys) {
                socket.type(new String(keys, StandardCharsets.ISO_8859_1));
            }

            @Override
            public boolean awaitReceived(long total, Duration timeout) {
                return socket.awaitCounted(total, timeout);
            }

            @Override
            public long received() {
                return socket.countedBytes();
            }

            @Override
            public long awaitMarker(Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (socket.markerSeenAt() < 0 && System.nanoTime() < deadline && !socket.isClosed()) {
                    socket.awaitCounted(socket.countedBytes() + 1, Duration.ofMillis(100));
                }
                return socket.markerSeenAt();
            }

            @Override
            public void expect(String marker) {
                socket.startCounting(marker, 4096);
            }

            @Override
            public long chunks() {
                return socket.countedMessages();
            }

            @Override
            public String tail() {
                return socket.countedTail();
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    private static Shell directShell(SshClient client, TestPeers peers) throws IOException {
        ClientSession session = client.connect(peers.user(), peers.host(), peers.sshPort()).verify(WAIT).getSession();
        session.addPasswordIdentity(peers.password());
        session.auth().verify(WAIT);
        ChannelShell channel = session.createShellChannel();
        channel.setPtyType(TERM);
        channel.setPtyColumns(COLUMNS);
        channel.setPtyLines(ROWS);
        channel.setRedirectErrorStream(true);
        channel.open().verify(WAIT);
        InputStream out = channel.getInvertedOut();
        OutputStream in = channel.getInvertedIn();
        var reader = new DirectReader(out);
        Thread.ofPlatform().daemon().name("bench-direct-reader").start(reader);
        return new Shell() {
            @Override
            public void send(byte[] keys) throws IOException {
                in.write(keys);
                in.flush();
            }

            @Override
            public boolean awaitReceived(long total, Duration timeout) {
                return reader.await(total, timeout);
            }

            @Override
            public long received() {
                return reader.count();
            }

            @Override
            public long awaitMarker(Duration timeout) {
                return reader.awaitMarker(timeout);
            }

            @Override
            public void expect(String marker) {
                reader.expect(marker);
            }

            @Override
            public long chunks() {
                return reader.reads();
            }

            @Override
            public String tail() {
                return reader.tail();
            }

            @Override
            public void close() {
                channel.close(false);
                session.close(true);
            }
        };
    }

    /**
     * Reads the direct shell's output as the gateway's session pump does (16 KB reads), counting bytes,
     * keeping a short tail and looking for the current marker.
     */
    private static final class DirectReader implements Runnable {
        private final InputStream in;
        private final byte[] tail = new byte[4096];
        private int tailLength;
        private long count;
        private long reads;
        private byte[] marker = new byte[0];
        private int matched;
        private long markerAt = -1;
        private boolean ended;

        DirectReader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    add(buffer, n);
                }
            } catch (IOException e) {
                // closed
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }

        private synchronized void add(byte[] data, int n) {
            if (markerAt < 0 && marker.length > 0) {
                // The markers have no repeated prefix, so a mismatch can restart at the first byte.
                byte[] pattern = marker;
                byte first = pattern[0];
                int m = matched;
                for (int i = 0; i < n; i++) {
                    byte b = data[i];
                    if (m == 0 && b != first) {
                        continue; // the common case, kept tight
                    }
                    if (b == pattern[m]) {
                        if (++m == pattern.length) {
                            markerAt = count + i + 1;
                            break;
                        }
                    } else {
                        m = b == first ? 1 : 0;
                    }
                }
                matched = m;
            }
            int keep = Math.min(n, tail.length);
            int fromOld = Math.min(tailLength, tail.length - keep);
            System.arraycopy(tail, tailLength - fromOld, tail, 0, fromOld);
            System.arraycopy(data, n - keep, tail, fromOld, keep);
            tailLength = fromOld + keep;
            count += n;
            reads++;
            notifyAll();
        }

        synchronized void expect(String text) {
            marker = text.getBytes(StandardCharsets.US_ASCII);
            matched = 0;
            markerAt = -1;
            count = 0;
            reads = 0;
        }

        synchronized long count() {
            return count;
        }

        synchronized long reads() {
            return reads;
        }

        synchronized boolean await(long total, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (count < total && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return count >= total;
        }

        synchronized long awaitMarker(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (markerAt < 0 && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return -1;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return markerAt;
        }

        synchronized String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
