package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Recordings that benchmarks outside this module write to disk, so that every benchmark measures the
 * same input as {@code ./airlock bench-transcode}.
 */
public final class BenchmarkRecordings {

    /** Length of the realistic hour, in seconds. */
    public static final double REALISTIC_HOUR_SECONDS = 3600;

    /** Bursts of activity in the realistic hour; each is followed by an idle gap. */
    static final int REALISTIC_HOUR_BURSTS = 44;

    /** Seconds without any output after each burst. */
    static final double REALISTIC_HOUR_GAP = 60;

    /** The seed that fixes where the bursts are cut, so every run writes the same file. */
    static final long REALISTIC_HOUR_SEED = 42;

    private BenchmarkRecordings() {
    }

    /**
     * Writes the realistic hour the size target is defined on: 16 minutes of the corpus's recorded SSH
     * sessions (shell, ls, seq, less, vim, top, git) in real time, in 44 bursts of 15 to 29 s, each
     * followed by 60 s in which nothing happens, 3600 s in all. The same corpus always gives the same
     * file.
     *
     * @param corpus a directory holding the terminal corpus's {@code session-*.cast} files
     *     (airlock-terminal/src/test/resources/corpus in the source tree)
     * @param target the asciicast v2 file to create or replace
     * @throws IOException when the corpus cannot be read or the file cannot be written
     */
    public static void writeRealisticHour(Path corpus, Path target) throws IOException {
        try {
            SyntheticSessions.bursty(SyntheticSessions.sessions(corpus), REALISTIC_HOUR_BURSTS, REALISTIC_HOUR_GAP,
                    REALISTIC_HOUR_SECONDS, REALISTIC_HOUR_SEED, target);
        } catch (RecordingFormatException e) {
            throw new IOException("the corpus in " + corpus + " is unreadable: " + e.getMessage(), e);
        }
    }
}
