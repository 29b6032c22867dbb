package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code cat} of a 200 MB file through a session: it completes, and the gateway's live heap stays bounded
 * because the session pumps output with blocking sends (back-pressure) instead of queueing it.
 *
 * <p>The test JVM is also the gateway JVM, so the test's own terminal only counts the output and keeps a
 * short tail. The live heap is measured after a forced full GC before the transfer and at every
 * {@link #CHECKPOINT} bytes received; a sampler also tracks the highest {@code used} (garbage included)
 * between checkpoints. Once, the terminal stops reading (a stalled browser tab): the gateway must then stop
 * reading from the equipment instead of queueing its output, which a fast reader alone would never show.
 * The figures are printed to the test's output.
 */
@Tag("peers")
class BulkOutputMemoryTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final long MB = 1024 * 1024;
    private static final long FILE_SIZE = 200 * MB;
    private static final long CHECKPOINT = 25 * MB;
    /**
     * Growth of the live heap the transfer may cause. Measured on the reference machine: about 1 MB while
     * streaming, 5-9 MB while the terminal stalls (full buffers on both ends, both in this JVM).
     */
    private static final long LIVE_GROWTH_BOUND = 64 * MB;
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MARKER = "END-42";
    /** Where the test's terminal stops reading for a while, as a stalled browser tab would. */
    private static final long STALL_AT = 100 * MB;
    private static final Duration STALL_LIMIT = Duration.ofSeconds(15);
    /**
     * Read ahead of a stalled terminal: kernel socket buffers (loopback autotuning, up to tcp_rmem's maximum),
     * the SSH channel window, Tomcat's and the client's buffers. Measured: 5-18 MB.
     */
    private static final long IN_FLIGHT_BOUND = 64 * MB;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Autowired
    LiveSessions live;

    private Path directory;

    @BeforeEach
    void createTheFile() throws Exception {
        directory = Files.createTempDirectory("airlock-bulk-");
        // The peer's shell runs as another user on this machine: the file must be readable by it.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = directory.resolve("bulk.txt");
        var generator = new ProcessBuilder("sh", "-c", "base64 -w 76 /dev/urandom | head -c " + FILE_SIZE + " > '"
                + file + "'").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!generator.waitFor(60, TimeUnit.SECONDS)) {
            generator.destroyForcibly();
            throw new IllegalStateException("generating the 200 MB file took longer than 60 s");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.size(file)).isEqualTo(FILE_SIZE);
    }

    @AfterEach
    void deleteTheFile() throws IOException {
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void catOfA200MegabyteFileCompletesWithBoundedGatewayHeap() {
        var setup = setUp();
        long baseline = liveHeap();
        long baselineDirect = directMemory();

        var sampler = new PeakSampler();
        List<String> checkpoints = new ArrayList<>();
        long maxLive = baseline;
        long maxPeakUsed = 0;
        long received;
        double seconds;
        Stall stall = null;
        try (var terminal = setup.client().openSocket("/ws/terminal?ticket=" + launch(setup) + "&cols=80&rows=24",
                setup.client().origin())) {
            long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            LiveSession session = live.find(id).orElseThrow();
            terminal.awaitOutput("$ ", WAIT);
            terminal.startCounting(MARKER, 4096);
            sampler.start();

            long started = System.nanoTime();
            long deadline = started + TRANSFER_LIMIT.toNanos();
            terminal.type("cat " + directory.resolve("bulk.txt") + "; echo END-$((40+2))\n");
            long next = CHECKPOINT;
            while (terminal.markerSeenAt() < 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the transfer did not finish within " + TRANSFER_LIMIT + "; received "
                            + terminal.countedBytes() + " bytes; last output: " + terminal.countedTail());
                }
                if (terminal.isClosed()) {
                    throw new AssertionError("the session closed after " + terminal.countedBytes() + " bytes; last "
                            + "output: " + terminal.countedTail());
                }
                long count = terminal.countedBytes();
                if (stall == null && count >= STALL_AT) {
                    stall = stall(terminal, session);
                    checkpoints.add(String.format(Locale.ROOT, "  stalled at %5.1f MB received: the gateway stopped "
                            + "reading after %.1f s, %.1f MB ahead of the terminal (socket and channel buffers); live "
                            + "heap %6.1f MB (%+.1f MB); stall %.1f s", stall.terminalReceived() / (double) MB,
                            stall.secondsToStop(), stall.inFlight() / (double) MB, stall.liveHeap() / (double) MB,
                            (stall.liveHeap() - baseline) / (double) MB, stall.seconds()));
                    maxLive = Math.max(maxLive, stall.liveHeap());
                    maxPeakUsed = Math.max(maxPeakUsed, sampler.takePeak());
                }
                if (count >= next) {
                    long peakUsed = sampler.takePeak();
                    long live = liveHeap();
                    maxLive = Math.max(maxLive, live);
                    maxPeakUsed = Math.max(maxPeakUsed, peakUsed);
                    checkpoints.add(String.format(Locale.ROOT,
                            "  at %5.1f MB received: live heap %6.1f MB (%+.1f MB), peak used since last %7.1f MB, "
                                    + "direct buffers %.1f MB",
                            count / (double) MB, live / (double) MB, (live - baseline) / (double) MB,
                            peakUsed / (double) MB, directMemory() / (double) MB));
                    next = (count / CHECKPOINT + 1) * CHECKPOINT;
                } else {
                    sleep(10);
                }
            }
            seconds = (System.nanoTime() - started) / 1e9;
            received = terminal.markerSeenAt();
            maxPeakUsed = Math.max(maxPeakUsed, sampler.takePeak());
        } finally {
            sampler.stop();
        }
        long after = liveHeap();

        System.out.println(String.join("\n",
                String.format(Locale.ROOT, "Bulk output through the gateway (SSH peer, cat of a %d MB file, "
                        + "PTY 80x24):", FILE_SIZE / MB),
                String.format(Locale.ROOT, "  received %d bytes (file %d bytes + CR per line and prompt) in %.1f s = "
                        + "%.1f MB/s (%.1f MB/s without the %.1f s stall)", received, FILE_SIZE, seconds,
                        received / (double) MB / seconds, received / (double) MB / (seconds - stallSeconds(stall)),
                        stallSeconds(stall)),
                String.format(Locale.ROOT, "  live heap (after full GC): baseline %.1f MB, highest during transfer "
                        + "%.1f MB (growth %.1f MB, bound %d MB), after the session %.1f MB", baseline / (double) MB,
                        maxLive / (double) MB, (maxLive - baseline) / (double) MB, LIVE_GROWTH_BOUND / MB,
                        after / (double) MB),
                String.format(Locale.ROOT, "  peak heap used (garbage included) during transfer: %.1f MB; direct "
                        + "buffers at baseline %.1f MB", maxPeakUsed / (double) MB, baselineDirect / (double) MB),
                String.join("\n", checkpoints)));

        assertThat(received).as("bytes received before the end marker").isGreaterThanOrEqualTo(FILE_SIZE);
        assertThat(checkpoints).as("live-heap checkpoints taken").hasSizeGreaterThanOrEqualTo(8);
        assertThat(stall).as("the terminal stalled once").isNotNull();
        assertThat(stall.stopped()).as("the gateway stopped reading from the equipment while the terminal stalled")
                .isTrue();
        assertThat(stall.inFlight()).as("bytes the gateway read ahead of the stalled terminal")
                .isLessThan(IN_FLIGHT_BOUND);
        assertThat(maxLive - baseline).as("growth of the gateway's live heap during the transfer")
                .isLessThan(LIVE_GROWTH_BOUND);
    }

    private static double stallSeconds(Stall stall) {
        return stall == null ? 0 : stall.seconds();
    }

    /** What happened while the test's terminal stopped reading. */
    record Stall(double secondsToStop, long gatewayRead, long terminalReceived, long liveHeap, boolean stopped,
            double seconds) {
        long inFlight() {
            return gatewayRead - terminalReceived;
        }
    }

    /**
     * Stops reading the WebSocket and waits until the gateway stops reading from the equipment (its
     * byte count stays the same for a second), then measures the live heap while everything is full.
     */
    private static Stall stall(TerminalSocket terminal, LiveSession session) {
        terminal.holdOutput();
        try {
            long started = System.nanoTime();
            long deadline = started + STALL_LIMIT.toNanos();
            long last = session.bytesFromEquipment();
            long lastChange = System.nanoTime();
            boolean stopped = false;
            while (System.nanoTime() < deadline) {
                sleep(100);
                long now = session.bytesFromEquipment();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange >= TimeUnit.SECONDS.toNanos(1)) {
                    stopped = true;
                    break;
                }
            }
            double secondsToStop = (lastChange - started) / 1e9;
            long liveHeap = liveHeap();
            // Still nothing read after a full GC and another moment: the pump really waits.
            sleep(500);
            stopped = stopped && session.bytesFromEquipment() == last;
            return new Stall(secondsToStop, last, terminal.countedBytes(), liveHeap, stopped,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            terminal.releaseOutput();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Heap in use after a full collection: what is really retained. */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long directMemory() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /** Samples heap {@code used} every few milliseconds and remembers the highest value. */
    private static final class PeakSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    sleep(5);
                }
            });
        }

        /** The highest sample since the last call. */
        long takePeak() {
            return peak.getAndSet(MEMORY.getHeapMemoryUsage().getUsed());
        }

        void stop() {
            running = false;
            if (thread != null) {
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    record Setup(GatewayClient client, long groupId, long methodId) {
    }

    private Setup setUp() {
        var admin = signedInAdmin();
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("bulk-equipment"), "host",
                PEERS.host())).body()).get("id").asLong();
        long method = Json.parse(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "SSH",
                "port", PEERS.sshPort(), "username", PEERS.user(), "password", PEERS.password())).body())
                .get("id").asLong();
        String username = uniqueName("bulk-operator");
        var client = newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/groups/options").body()).findValues("users").get(0).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        var group = admin.post("/api/groups", Json.write(Map.of("name", uniqueName("bulk-group"), "enforceRecording",
                false, "memberIds", List.of(userId), "methodIds", List.of(method))));
        return new Setup(client, Json.parse(group.body()).get("id").asLong(), method);
    }

    private static String launch(Setup setup) {
        var reply = setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.parse(reply.body()).get("ticket").asString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
