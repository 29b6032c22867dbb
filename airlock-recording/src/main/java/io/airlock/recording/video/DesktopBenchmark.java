package io.airlock.recording.video;

import com.sun.management.OperatingSystemMXBean;
import io.airlock.recording.RecordingFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The graphical half of {@code ./airlock bench-transcode}: how fast the transcoder turns a 10-minute
 * recording of real 1280x800 desktop activity ({@link DesktopCapture}) into the evidence video, and how
 * many MB an hour of it becomes. Recording takes its full ten minutes, so the capture is made once and kept
 * (under {@code airlock.bench.desktop}, by default in the recording module's {@code target/}); delete the
 * file to record a fresh one.
 */
final class DesktopBenchmark {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final Duration LENGTH = Duration.ofMinutes(10);

    private DesktopBenchmark() {
    }

    static void run(Path work, PrintStream out, PrintStream err) throws IOException, VideoException {
        Path recording = Path.of(System.getProperty("airlock.bench.desktop",
                "airlock-recording/target/bench/desktop-" + WIDTH + "x" + HEIGHT + "-10min.fbs"));
        if (!Files.exists(recording)) {
            Path scripts = Path.of(System.getProperty("airlock.scripts", "scripts"));
            err.printf("bench-transcode: recording %d minutes of desktop activity at %dx%d into %s (once; kept"
                    + " for later runs)%n", LENGTH.toMinutes(), WIDTH, HEIGHT, recording);
            Files.createDirectories(recording.toAbsolutePath().getParent());
            Path partial = recording.resolveSibling(recording.getFileName() + ".part");
            DesktopCapture.record(scripts.resolve("desktop-activity.sh"), WIDTH, HEIGHT, LENGTH, partial);
            Files.move(partial, recording);
        }
        Path video = work.resolve("desktop.mp4");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        TranscodeResult result;
        try {
            result = FbsTranscoder.evidence().transcode(recording, video, TranscodeProgress.NONE);
        } catch (RecordingFormatException e) {
            throw new IOException(recording + " is unreadable (delete it to record it again): " + e.getMessage(), e);
        }
        double transcode = (System.nanoTime() - start) / 1e9;
        // CPU time of the whole process (replay, scaling and libx264's threads): what the transcode costs
        // whatever else the machine is doing meanwhile.
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double seconds = result.duration().toMillis() / 1000.0;
        long bytes = Files.size(video);
        out.println();
        out.println("graphical recording              length   FBS MB   transcode  x realtime     CPU   MP4 MB"
                + "   MB/hour   frames");
        out.printf("%-29s %7.0f s %8.1f %9.2f s %10.1fx %7.1f s %8.2f %9.2f %8d%n",
                "desktop " + WIDTH + "x" + HEIGHT + " (real activity)", seconds, Files.size(recording) / 1e6,
                transcode, seconds / transcode, cpu, bytes / 1e6, bytes / 1e6 * 3600 / seconds, result.frames());
    }
}
