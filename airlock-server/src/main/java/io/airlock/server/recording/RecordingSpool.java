package io.airlock.server.recording;

import io.airlock.server.config.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * This node's local spool: the source of truth for a recording until its objects are verified in the
 * bucket. One asciicast (terminal) or FBS (desktop) file per session while it runs, its video beside it
 * once transcoded. The directory is owner-only, like the rest of the data directory.
 */
@Component
public class RecordingSpool {

    /** Below this much free space a recorded session does not start: it could not be kept whole. */
    public static final long MIN_FREE_BYTES = 256L * 1024 * 1024;

    private final Path dir;

    RecordingSpool(DataDirectory data) {
        this.dir = data.privateDirectory("spool");
    }

    public Path directory() {
        return dir;
    }

    /** The session's terminal recording. */
    public Path castFile(long sessionId) {
        return dir.resolve("session-" + sessionId + ".cast");
    }

    /** The session's desktop recording (the equipment's RFB stream, FBS). */
    public Path fbsFile(long sessionId) {
        return dir.resolve("session-" + sessionId + ".fbs");
    }

    /** The session's raw recording: its desktop recording where there is one, else its terminal recording. */
    Path recordingFile(long sessionId) {
        Path fbs = fbsFile(sessionId);
        return Files.exists(fbs) ? fbs : castFile(sessionId);
    }

    /**
     * The session's finished video; only ever appears whole, owner-only: the transcoder writes it beside,
     * as {@code session-N.mp4.part}, and moves it into place.
     */
    Path videoFile(long sessionId) {
        return dir.resolve("session-" + sessionId + ".mp4");
    }

    /** Usable bytes on the spool's file system; 0 when it cannot be asked. */
    public long freeBytes() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
