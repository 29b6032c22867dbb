package io.airlock.recording.cli;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.recording.video.AsciicastTranscoder;
import io.airlock.recording.video.FbsTranscoder;
import io.airlock.recording.video.TranscodeProgress;
import io.airlock.recording.video.TranscodeResult;
import io.airlock.recording.video.VideoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code transcode [--constant-frame-rate] IN.cast|IN.fbs OUT.mp4}: progress on stderr, the result in one
 * line at the end.
 */
final class TranscodeCommand {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final String CONSTANT_FRAME_RATE = "--constant-frame-rate";

    private TranscodeCommand() {
    }

    static int run(String[] args, PrintStream err)
            throws RecordingTool.UsageException, RecordingTool.Failure, IOException, VideoException {
        List<String> files = new ArrayList<>(List.of(args));
        boolean constantFrameRate = files.remove(CONSTANT_FRAME_RATE);
        if (files.size() != 2 || files.stream().anyMatch(file -> file.startsWith("--"))) {
            throw new RecordingTool.UsageException("transcode takes [" + CONSTANT_FRAME_RATE + "] IN.cast|IN.fbs and OUT.mp4");
        }
        Path in = Path.of(files.get(0));
        Path out = Path.of(files.get(1));
        // The file's first bytes tell a graphical recording (FBS) from a terminal one (asciicast).
        boolean graphical = FbsPlayback.isFbs(in);
        // Read the whole recording once first: a damaged file fails before any video is written, and
        // the length makes the progress a percentage.
        double length = graphical ? fbsLengthOf(in) : lengthOf(in);
        long started = System.nanoTime();
        long[] lastReport = {started};
        TranscodeResult result;
        try {
            TranscodeProgress progress = seconds -> {
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_EVERY_NANOS) {
                    lastReport[0] = now;
                    err.printf("transcode: %s of %s (%.0f%%)%n", clock(seconds), clock(length),
                            length > 0 ? 100 * seconds / length : 100);
                }
            };
            if (graphical) {
                FbsTranscoder transcoder = constantFrameRate
                        ? FbsTranscoder.evidence().withConstantFrameRate() : FbsTranscoder.evidence();
                result = transcoder.transcode(in, out, progress);
            } else {
                AsciicastTranscoder transcoder = constantFrameRate
                        ? AsciicastTranscoder.evidence().withConstantFrameRate() : AsciicastTranscoder.evidence();
                result = transcoder.transcode(in, out, progress);
            }
        } catch (RecordingFormatException e) {
            throw new RecordingTool.Failure(in, e);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        err.printf("transcode: %s: %s of video, %d frames encoded, %.2f MB, in %.1f s%n", out,
                clock(result.duration().toMillis() / 1000.0), result.frames(), result.bytes() / 1e6, elapsed);
        return 0;
    }

    private static double lengthOf(Path recording) throws IOException, RecordingTool.Failure {
        try (InputStream in = Files.newInputStream(recording); AsciicastReader reader = AsciicastReader.open(in)) {
            double last = 0;
            Optional<AsciicastEvent> event;
            while ((event = reader.next()).isPresent()) {
                last = event.get().time();
            }
            return last;
        } catch (RecordingFormatException e) {
            throw new RecordingTool.Failure(recording, e);
        }
    }

    private static double fbsLengthOf(Path recording) throws IOException, RecordingTool.Failure {
        try (InputStream in = Files.newInputStream(recording)) {
            return FbsPlayback.duration(in);
        } catch (RecordingFormatException e) {
            throw new RecordingTool.Failure(recording, e);
        }
    }

    static String clock(double seconds) {
        long whole = (long) seconds;
        return String.format("%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }
}
