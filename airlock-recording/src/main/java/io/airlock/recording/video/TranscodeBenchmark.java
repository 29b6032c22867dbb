package io.airlock.recording.video;

import static io.airlock.recording.video.VideoException.check;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.asciicast.AsciicastReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * {@code ./airlock bench-transcode}: how fast the transcoder turns the realistic hour of the size target
 * ({@link BenchmarkRecordings#writeRealisticHour}), a working hour with longer idle gaps and a dense
 * recording into video, how many MB an hour of each becomes, and how that compares with libx264 alone encoding the very same frames from
 * memory (same settings, same timestamps, same keyframes) — the difference is the replay, rendering
 * and conversion overhead; then the same for ten minutes of real desktop activity ({@link DesktopBenchmark}).
 * Not a test: the figures depend on the machine.
 */
public final class TranscodeBenchmark {

    /** Pictures held in memory at once for the bare encode; 64 x 460 KB. */
    private static final int BATCH = 64;

    private TranscodeBenchmark() {
    }

    /** Which recordings a run measures: {@code ./airlock bench-transcode [--terminal | --graphical]}. */
    public enum Cases {
        ALL, TERMINAL, GRAPHICAL
    }

    /**
     * Runs the benchmark on the corpus under {@code airlock.corpus} (default: the emulator's test corpus)
     * and, for the graphical case, on a recording of real desktop activity ({@link DesktopBenchmark}).
     */
    public static void run(Cases cases, PrintStream out, PrintStream err) throws IOException, VideoException {
        // -Dairlock.bench.keep=DIR keeps the synthetic recordings and their videos there for inspection.
        String keep = System.getProperty("airlock.bench.keep");
        Path work = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("airlock-bench-");
        try {
            if (cases != Cases.GRAPHICAL) {
                terminal(work, out, err);
            }
            if (cases != Cases.TERMINAL) {
                DesktopBenchmark.run(work, out, err);
            }
        } finally {
            if (keep == null) {
                deleteTree(work);
            }
        }
    }

    private static void terminal(Path work, PrintStream out, PrintStream err) throws IOException, VideoException {
        Path corpus = Path.of(System.getProperty("airlock.corpus", "airlock-terminal/src/test/resources/corpus"));
        try {
            List<SyntheticSessions.Burst> bursts = SyntheticSessions.load(corpus);
            Path realistic = work.resolve("realistic-1h.cast");
            Path working = work.resolve("working-1h.cast");
            Path dense = work.resolve("dense-10min.cast");
            BenchmarkRecordings.writeRealisticHour(corpus, realistic);
            SyntheticSessions.realistic(bursts, 3600, 42, working);
            SyntheticSessions.dense(bursts, 600, dense);
            err.println("bench-transcode: warming up (loading FFmpeg, JIT)");
            Path warmUp = work.resolve("warm-up.cast");
            SyntheticSessions.dense(bursts, 20, warmUp);
            measure(warmUp, work);
            out.println("recording                           length   transcode  x realtime   MB/hour   frames"
                    + "  keyframes  bare x264  pipeline/bare");
            report(out, "realistic hour (16 min, 60 s gaps)", measure(realistic, work));
            report(out, "working hour (1-5 min gaps)", measure(working, work));
            report(out, "dense (25 changes/s)", measure(dense, work));
        } catch (RecordingFormatException e) {
            throw new IOException("the benchmark's own recording is unreadable: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path work) throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    record Figures(double seconds, double transcodeSeconds, long bytes, long frames, long keyframes,
            double bareSeconds) {
    }

    private static void report(PrintStream out, String name, Figures f) {
        out.printf("%-34s %7.0f s %9.2f s %10.0fx %9.2f %8d %10d %8.2f s %13.2f%n", name, f.seconds(),
                f.transcodeSeconds(), f.seconds() / f.transcodeSeconds(), f.bytes() / 1e6 * 3600 / f.seconds(),
                f.frames(), f.keyframes(), f.bareSeconds(), f.transcodeSeconds() / f.bareSeconds());
    }

    /** Transcodes (timed), then replays into a bare encoder, timing only the encoder. */
    static Figures measure(Path recording, Path work)
            throws IOException, RecordingFormatException, VideoException {
        Path video = work.resolve(recording.getFileName().toString().replace(".cast", ".mp4"));
        long start = System.nanoTime();
        TranscodeResult result = AsciicastTranscoder.evidence().transcode(recording, video, TranscodeProgress.NONE);
        double transcode = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(video);

        Path bareVideo = work.resolve("bare.mp4");
        double bare;
        long keyframes;
        try (InputStream in = Files.newInputStream(recording);
                AsciicastReader reader = AsciicastReader.open(in);
                Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE);
                Mp4Encoder encoder = Mp4Encoder.create(bareVideo, VideoSpec.EVIDENCE, X264Settings.TERMINAL);
                MemoryFrames frames = new MemoryFrames(encoder)) {
            AsciicastTranscoder.evidence().replay(reader, letterbox, frames, TranscodeProgress.NONE);
            frames.flush();
            long finish = System.nanoTime();
            encoder.finish();
            bare = frames.encodeNanos / 1e9 + (System.nanoTime() - finish) / 1e9;
            keyframes = frames.keyframeCount;
        }
        return new Figures(result.duration().toMillis() / 1000.0, transcode, bytes, result.frames(), keyframes, bare);
    }

    /**
     * Collects the transcoder's pictures in memory and feeds them to an encoder in batches, timing only
     * the feeding, so the encoder sees exactly the frames of a real transcode without the work that
     * made them.
     */
    private static final class MemoryFrames implements FrameSink, AutoCloseable {
        private final Mp4Encoder encoder;
        private final AVFrame[] pictures = new AVFrame[BATCH];
        private final long[] ticks = new long[BATCH];
        private final boolean[] keyframes = new boolean[BATCH];
        private int count;
        long encodeNanos;
        long keyframeCount;

        MemoryFrames(Mp4Encoder encoder) throws VideoException {
            this.encoder = encoder;
            try {
                for (int i = 0; i < BATCH; i++) {
                    pictures[i] = av_frame_alloc();
                    if (pictures[i] == null) {
                        throw new VideoException("allocating a video frame failed");
                    }
                    pictures[i].format(AV_PIX_FMT_YUV420P);
                    pictures[i].width(VideoSpec.EVIDENCE.width());
                    pictures[i].height(VideoSpec.EVIDENCE.height());
                    check(av_frame_get_buffer(pictures[i], 0), "allocating a video frame");
                }
            } catch (VideoException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void picture(AVFrame picture, long tick, boolean keyframe) throws VideoException {
            if (count == BATCH) {
                flush();
            }
            check(av_frame_copy(pictures[count], picture), "copying a frame");
            ticks[count] = tick;
            keyframes[count] = keyframe;
            count++;
            if (keyframe) {
                keyframeCount++;
            }
        }

        void flush() throws VideoException {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                encoder.picture(pictures[i], ticks[i], keyframes[i]);
            }
            encodeNanos += System.nanoTime() - start;
            count = 0;
        }

        @Override
        public void close() {
            for (int i = 0; i < BATCH; i++) {
                if (pictures[i] != null) {
                    av_frame_free(pictures[i]);
                    pictures[i] = null;
                }
            }
        }
    }
}
