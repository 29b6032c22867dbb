package io.airlock.server.session;

import io.airlock.recording.video.BenchmarkRecordings;
import io.airlock.server.asset.Protocol;
import io.airlock.server.config.GatewayNode;
import io.airlock.server.recording.LiveVideos;
import io.airlock.server.recording.RecordingHandOff;
import io.airlock.server.recording.RecordingSpool;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Gateways;
import io.airlock.server.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./airlock bench-pipeline}: how long after a one-hour recorded terminal session closes its history
 * row says Recorded = Yes, on a whole gateway with the embedded store; once for one session, once for 20
 * sessions that close at the same moment (until the last is Yes). The hour is the realistic hour of the
 * size target (16 minutes of vim/less/seq/ls in bursts between 60 s idle gaps). Each session is ended
 * exactly as a closing window ends it: the history row and the hand-off in one transaction.
 */
public final class RecordingPipelineBench {

    private RecordingPipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("airlock.corpus", "../airlock-terminal/src/test/resources/corpus"));
        int many = Integer.getInteger("airlock.bench.sessions", 20);
        Path data = Files.createTempDirectory("airlock-pipeline-bench-");
        Path hour = data.resolve("realistic-hour.cast");
        BenchmarkRecordings.writeRealisticHour(corpus, hour);
        System.out.printf(Locale.ROOT, "realistic hour: %.1f MB of asciicast%n", Files.size(hour) / 1e6);
        var settings = new java.util.HashMap<>(Map.of("AIRLOCK_DATA", data.resolve("gateway").toString(),
                "AIRLOCK_ADMIN_PASSWORD", "pipeline-bench-password", "logging.level.root", "WARN"));
        String concurrency = System.getProperty("airlock.bench.concurrency", "");
        if (!concurrency.isBlank()) {
            settings.put("AIRLOCK_TRANSCODE_CONCURRENCY", concurrency);
        }
        String liveEncoders = System.getProperty("airlock.bench.live-encoders", "");
        if (!liveEncoders.isBlank()) {
            settings.put("AIRLOCK_LIVE_ENCODERS", liveEncoders);
        }
        try (ConfigurableApplicationContext gateway = Gateways.start(settings)) {
            var bench = new Run(gateway, hour);
            bench.closeTogether(1); // warm-up: JIT and FFmpeg's first load
            Result one = bench.closeTogether(1);
            Result twenty = bench.closeTogether(many);
            System.out.printf(Locale.ROOT, "%-36s %10s %10s %12s %6s %9s%n", "one-hour sessions closing",
                    "first Yes", "last Yes", "video MB/h", "live", "RSS MB");
            one.print("1 session");
            twenty.print(many + " sessions at the same moment");
            System.out.println("live: sessions whose video was encoded while they ran (the rest are transcoded "
                    + "after they close); RSS: the gateway's resident memory with every session's encoder open");
            System.out.println("transcodes at once on this node: " + gateway.getBean(GatewayNode.class).id() + " → "
                    + (concurrency.isBlank() ? "default (one per processor)" : concurrency) + "; "
                    + Runtime.getRuntime().availableProcessors() + " processors");
        }
    }

    record Result(Duration first, Duration last, double videoMegabytes, int live, long residentBytes) {
        void print(String label) {
            System.out.printf(Locale.ROOT, "%-36s %9.2fs %9.2fs %12.2f %6d %9.0f%n", label, first.toMillis() / 1000.0,
                    last.toMillis() / 1000.0, videoMegabytes, live, residentBytes / 1e6);
        }
    }

    /** The process's resident memory (Linux), while the live encoders of all sessions are open. */
    static long residentBytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    private static final class Run {
        private final SessionRecordRepository records;
        private final RecordingHandOff handOff;
        private final RecordingSpool spool;
        private final LiveVideos liveVideos;
        private final TransactionTemplate transactions;
        private final RecordingStore store;
        private final String node;
        private final Path hour;

        Run(ConfigurableApplicationContext gateway, Path hour) {
            this.records = gateway.getBean(SessionRecordRepository.class);
            this.handOff = gateway.getBean(RecordingHandOff.class);
            this.spool = gateway.getBean(RecordingSpool.class);
            this.liveVideos = gateway.getBean(LiveVideos.class);
            this.transactions = gateway.getBean(TransactionTemplate.class);
            this.store = gateway.getBean(RecordingStore.class);
            this.node = gateway.getBean(GatewayNode.class).id();
            this.hour = hour;
        }

        /**
         * Sessions that each recorded the hour, all closing now; waits until every one is Recorded = Yes. The
         * hour is played through the session recorder as the session would have written it, with the live
         * encoder kept up to date as it is over a real hour (where it has one); the clock starts when the
         * windows close: the recorder closes, the rows end and the recordings are handed off.
         */
        Result closeTogether(int count) throws Exception {
            Instant end = Clock.systemUTC().instant();
            Instant start = end.minus(Duration.ofHours(1));
            long integration = store.activeIntegrationId().orElseThrow();
            List<Long> ids = new ArrayList<>();
            List<SessionRecorder> recorders = new ArrayList<>();
            List<MutableClock> clocks = new ArrayList<>();
            int live = 0;
            for (int i = 0; i < count; i++) {
                var launch = new Launch(1, "bench", "127.0.0.1", 1, "Bench group", 1, "Bench PLC " + i, 1,
                        Protocol.SSH, "127.0.0.1", 22, true, false, null);
                long id = records.start(launch, RecordingStatus.RECORDING, start, node, integration);
                var video = liveVideos.begin(id, 80, 24);
                live += video.isPresent() ? 1 : 0;
                var clock = new MutableClock(start);
                clocks.add(clock);
                // The events are timed by the hour as played on the clock, not by how fast it is played.
                recorders.add(SessionRecorder.start(spool.castFile(id), 80, 24, "bench", clock,
                        () -> Duration.between(start, clock.instant()).toNanos(), video.orElse(null)));
                ids.add(id);
            }
            // The hour, into every recorder at once, two threads (the processors) doing the work.
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    SessionRecorder recorder = recorders.get(i);
                    MutableClock clock = clocks.get(i);
                    done.add(pool.submit(() -> {
                        play(recorder, clock, start);
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
            }
            long rss = residentBytes();
            long closed = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long id = ids.get(i);
                recorders.get(i).close();
                transactions.executeWithoutResult(tx -> {
                    records.end(id, end, EndReason.CLOSED_BY_USER, "The session window was closed.", null, 100, 100);
                    handOff.ended(id, "The session ended.");
                });
            }
            long first = 0;
            long last;
            List<Long> waiting = new ArrayList<>(ids);
            long deadline = closed + Duration.ofMinutes(30).toNanos();
            while (true) {
                waiting.removeIf(id -> records.find(id).orElseThrow().recordingStatus() == RecordingStatus.READY);
                long now = System.nanoTime();
                if (first == 0 && waiting.size() < ids.size()) {
                    first = now - closed;
                }
                if (waiting.isEmpty()) {
                    last = now - closed;
                    break;
                }
                var stuck = records.find(waiting.get(0)).orElseThrow();
                if (stuck.recordingStatus() == RecordingStatus.FAILED || now > deadline) {
                    throw new IllegalStateException("recording #" + stuck.id() + ": " + stuck.recordingStatus() + " "
                            + stuck.recordingDetail());
                }
                Thread.sleep(20);
            }
            double megabytes = store.list("recordings/", 10_000).stream().filter(o -> o.key().endsWith("/" + ids.get(0)
                    + ".mp4")).mapToLong(RecordingStore.StoredObject::size).sum() / 1e6;
            return new Result(Duration.ofNanos(first), Duration.ofNanos(last), megabytes, live, rss);
        }

        /** Writes the hour's events through the recorder at their recorded times, as the session did. */
        private void play(SessionRecorder recorder, MutableClock clock, Instant start) throws Exception {
            try (var in = Files.newInputStream(hour);
                    var reader = io.airlock.recording.asciicast.AsciicastReader.open(in)) {
                java.util.Optional<io.airlock.recording.asciicast.AsciicastEvent> next;
                while ((next = reader.next()).isPresent()) {
                    var event = next.get();
                    clock.set(start.plusNanos(Math.round(event.time() * 1e9)));
                    switch (event) {
                        case io.airlock.recording.asciicast.AsciicastEvent.Output o -> {
                            byte[] bytes = o.data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            recorder.output(bytes, 0, bytes.length);
                        }
                        case io.airlock.recording.asciicast.AsciicastEvent.Resize r ->
                            recorder.resize(r.columns(), r.rows());
                        default -> {
                        }
                    }
                    // Over a real hour the encoder keeps up; here it is given the time to.
                    while (recorder.liveEncoderBehind()) {
                        Thread.sleep(1);
                    }
                }
            }
            while (recorder.liveBacklog() > 0) {
                Thread.sleep(1);
            }
        }
    }
}
