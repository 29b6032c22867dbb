package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.recording.asciicast.AsciicastWriter;
import io.airlock.recording.asciicast.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Long recordings for the benchmark, made from real ones: the terminal corpus (SSH sessions with ls,
 * vim, top and friends at 80x24, 120x36 and 200x60, plus vttest) played one after another.
 */
final class SyntheticSessions {

    private SyntheticSessions() {
    }

    /** One recorded session in memory. */
    record Burst(int columns, int rows, List<AsciicastEvent> events) {
        double length() {
            return events.isEmpty() ? 0 : events.getLast().time();
        }
    }

    /**
     * The recorded SSH sessions the benchmarks are made of, in this order. Named rather than listed from
     * the directory, so that recordings added to the corpus later (session-132x43 for the legibility
     * benchmark) leave every benchmark's input as it was.
     */
    private static final List<String> SESSIONS = List.of("session-120x36.cast", "session-200x60.cast",
            "session-80x24.cast");

    /** The sessions and vttest. */
    static List<Burst> load(Path corpus) throws IOException, RecordingFormatException {
        List<String> all = new ArrayList<>(SESSIONS);
        all.add("vttest-80x24.cast");
        return load(corpus, all);
    }

    /**
     * Only the recorded SSH sessions of the corpus (shell, ls, seq, less, vim, top, git), without vttest,
     * which draws test patterns no operator would.
     */
    static List<Burst> sessions(Path corpus) throws IOException, RecordingFormatException {
        return load(corpus, SESSIONS);
    }

    private static List<Burst> load(Path corpus, List<String> names) throws IOException, RecordingFormatException {
        List<Path> casts = names.stream().map(corpus::resolve).toList();
        List<Burst> bursts = new ArrayList<>();
        for (Path file : casts) {
            try (InputStream in = Files.newInputStream(file); AsciicastReader reader = AsciicastReader.open(in)) {
                List<AsciicastEvent> events = new ArrayList<>();
                Optional<AsciicastEvent> event;
                while ((event = reader.next()).isPresent()) {
                    events.add(event.get());
                }
                bursts.add(new Burst(reader.header().width(), reader.header().height(), events));
            }
        }
        return bursts;
    }

    /**
     * A working hour: the corpus sessions in turn, each in real time, separated by idle gaps of 1 to 5
     * minutes (seeded, so every run is the same), the whole lasting exactly {@code seconds}.
     */
    static void realistic(List<Burst> bursts, double seconds, long seed, Path target) throws IOException {
        Random random = new Random(seed);
        try (Recorder out = new Recorder(target, bursts.getFirst())) {
            double offset = 0;
            for (int i = 0; ; i++) {
                Burst burst = bursts.get(i % bursts.size());
                if (offset + burst.length() >= seconds) {
                    break;
                }
                double start = offset;
                out.play(burst, time -> start + time);
                offset += burst.length() + 60 + random.nextDouble() * 240;
            }
            out.marker(seconds, "end");
        }
    }

    /**
     * The realistic hour of the size target: {@code bursts} stretches of activity, each followed by
     * {@code gap} seconds in which nothing happens, the whole lasting exactly {@code seconds}. The
     * activity is the sessions played in turn, in real time and over again as often as needed, as one
     * stream cut into bursts of seeded, varying length (within a third of the mean either way),
     * so a burst may stop in the middle of vim or less and the next carries on there: the operator
     * paused to read. With 44 bursts, 60 s gaps and 3600 s that is 16 minutes of activity.
     */
    static void bursty(List<Burst> sessions, int bursts, double gap, double seconds, long seed, Path target)
            throws IOException {
        double active = seconds - bursts * gap;
        if (bursts < 1 || active <= 0) {
            throw new IllegalArgumentException(bursts + " gaps of " + gap + " s leave no activity in " + seconds + " s");
        }
        double mean = active / bursts;
        Random random = new Random(seed);
        double[] cuts = new double[bursts - 1]; // activity time at which each gap begins
        for (int i = 0; i < cuts.length; i++) {
            // Each cut moves at most a sixth of the mean, so each burst stays within a third of it.
            cuts[i] = (i + 1) * mean + (random.nextDouble() * 2 - 1) * mean / 6;
        }
        // Recording time of a moment of the activity: the gaps of the cuts before it come on top.
        DoubleUnaryOperator recorded = time -> {
            int gaps = 0;
            while (gaps < cuts.length && cuts[gaps] <= time) {
                gaps++;
            }
            return time + gaps * gap;
        };
        try (Recorder out = new Recorder(target, sessions.getFirst())) {
            double offset = 0;
            for (int i = 0; offset < active; i++) {
                Burst session = sessions.get(i % sessions.size());
                double start = offset;
                out.play(session, active - start, time -> recorded.applyAsDouble(start + time));
                offset += session.length();
            }
            out.marker(seconds, "end");
        }
    }

    /**
     * Worst case: every event of the corpus on a frame of its own, one after the other without pause,
     * so the screen changes 25 times a second, for {@code seconds}.
     */
    static void dense(List<Burst> bursts, double seconds, Path target) throws IOException {
        try (Recorder out = new Recorder(target, bursts.getFirst())) {
            long frame = 0;
            while (true) {
                for (Burst burst : bursts) {
                    long first = frame;
                    if ((first + burst.events().size()) / 25.0 >= seconds) {
                        out.marker(seconds, "end");
                        return;
                    }
                    int[] index = {0};
                    out.play(burst, time -> (first + index[0]++) / 25.0);
                    frame += burst.events().size();
                }
            }
        }
    }

    /** Writes events with the project's own writer, its ticker set to each event's time. */
    private static final class Recorder implements AutoCloseable {
        private static final Clock START = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        private final SettableTicker ticker = new SettableTicker();
        private final OutputStream file;
        private final AsciicastWriter writer;
        private int columns;
        private int rows;

        Recorder(Path target, Burst first) throws IOException {
            file = Files.newOutputStream(target);
            columns = first.columns();
            rows = first.rows();
            writer = new AsciicastWriter(file, new AsciicastHeader(columns, rows, null, "benchmark", null), START,
                    ticker);
        }

        void play(Burst burst, DoubleUnaryOperator time) throws IOException {
            play(burst, Double.POSITIVE_INFINITY, time);
        }

        /** Plays the events of {@code burst} before {@code until} (its own time), at {@code time(t)}. */
        void play(Burst burst, double until, DoubleUnaryOperator time) throws IOException {
            if (burst.columns() != columns || burst.rows() != rows) {
                ticker.at(time.applyAsDouble(0));
                writer.resize(burst.columns(), burst.rows());
                columns = burst.columns();
                rows = burst.rows();
            }
            for (AsciicastEvent event : burst.events()) {
                if (event.time() >= until) {
                    return;
                }
                switch (event) {
                    case AsciicastEvent.Output output -> {
                        ticker.at(time.applyAsDouble(output.time()));
                        byte[] bytes = output.data().getBytes(StandardCharsets.UTF_8);
                        writer.output(bytes, 0, bytes.length);
                    }
                    case AsciicastEvent.Resize resize -> {
                        ticker.at(time.applyAsDouble(resize.time()));
                        writer.resize(resize.columns(), resize.rows());
                        columns = resize.columns();
                        rows = resize.rows();
                    }
                    case AsciicastEvent.Input input -> { }
                    case AsciicastEvent.Marker marker -> { }
                }
            }
        }

        void marker(double seconds, String label) throws IOException {
            ticker.at(seconds);
            writer.marker(label);
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /** A ticker the recorder moves to each event's time; it never runs by itself. */
    private static final class SettableTicker implements Ticker {
        private long nanos;

        void at(double seconds) {
            nanos = Math.round(seconds * 1e9);
        }

        @Override
        public long nanos() {
            return nanos;
        }
    }
}
