package io.airlock.recording.asciicast;

import java.time.Instant;
import java.util.Map;

/**
 * The first line of an asciicast v2 recording.
 *
 * @param width terminal columns at the start
 * @param height terminal rows at the start
 * @param timestamp when recording started, if known
 * @param title optional title
 * @param env selected environment of the recorded shell (TERM, SHELL)
 */
public record AsciicastHeader(int width, int height, Instant timestamp, String title, Map<String, String> env) {

    /** The largest terminal Airlock accepts; beyond this a size is corrupt or hostile. */
    public static final int MAX_COLUMNS = 1000;
    public static final int MAX_ROWS = 500;

    public AsciicastHeader {
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
