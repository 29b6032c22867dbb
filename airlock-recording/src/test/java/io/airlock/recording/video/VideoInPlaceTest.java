package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.recording.asciicast.AsciicastEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video shows up under its name only whole and owner-only, however its writing ends. */
class VideoInPlaceTest {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    /** Thrown from inside the transcode, where a crash or a full disk would stop it. */
    private static final class StoppedMidWay extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aTranscodeStoppedMidWayLeavesNothingUnderTheVideosNameAndRemovesWhatItWrote() throws Exception {
        Path cast = busySession(20).write(dir.resolve("busy.cast"));
        Path video = dir.resolve("busy.mp4");
        Path partial = dir.resolve("busy.mp4.part");
        List<String> seenMidWay = new ArrayList<>();

        assertThatThrownBy(() -> AsciicastTranscoder.evidence().transcode(cast, video, seconds -> {
            if (seconds >= 10) {
                // What a crash at this moment would leave on disk.
                seenMidWay.add("video " + (Files.exists(video) ? "present" : "absent"));
                seenMidWay.add("partial " + permissions(partial));
                throw new StoppedMidWay();
            }
        })).isInstanceOf(StoppedMidWay.class);

        assertThat(seenMidWay).containsExactly("video absent", "partial rw-------");
        assertThat(video).doesNotExist();
        assertThat(partial).doesNotExist();
    }

    @Test
    void aFailedTranscodeKeepsTheVideoThatWasThereBefore() throws Exception {
        Path video = dir.resolve("out.mp4");
        Files.writeString(video, "the earlier video");
        Path broken = Files.writeString(dir.resolve("broken.cast"),
                Casts.of(80, 24).output(1.0, "fine") + "[0.5, \"o\", \"earlier than the one before\"]\n");

        assertThatThrownBy(() -> AsciicastTranscoder.evidence().transcode(broken, video, TranscodeProgress.NONE))
                .isInstanceOf(io.airlock.recording.RecordingFormatException.class);

        assertThat(Files.readString(video)).isEqualTo("the earlier video");
        assertThat(dir.resolve("out.mp4.part")).doesNotExist();
    }

    @Test
    void aTranscodedVideoIsOwnerOnlyAndReplacesWhatAnEarlierCrashLeft() throws Exception {
        Path cast = busySession(2).write(dir.resolve("short.cast"));
        Path video = dir.resolve("short.mp4");
        Path leftover = Files.writeString(dir.resolve("short.mp4.part"), "half a video from before a crash");
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-r--r--"));

        var result = AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);

        assertThat(Files.getPosixFilePermissions(video)).isEqualTo(OWNER_ONLY);
        assertThat(Files.size(video)).isEqualTo(result.bytes());
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aLiveVideoAppearsOnlyWhenFinishedAndOwnerOnly() throws Exception {
        Path video = dir.resolve("live.mp4");
        Path partial = dir.resolve("live.mp4.part");
        try (LiveTranscode transcode = AsciicastTranscoder.evidence().live(80, 24, video)) {
            transcode.accept(new AsciicastEvent.Output(0.5, "hello"));
            transcode.accept(new AsciicastEvent.Output(3.0, "world"));
            assertThat(video).doesNotExist();
            assertThat(Files.getPosixFilePermissions(partial)).isEqualTo(OWNER_ONLY);

            var result = transcode.finish();

            assertThat(Files.size(video)).isEqualTo(result.bytes());
        }
        assertThat(Files.getPosixFilePermissions(video)).isEqualTo(OWNER_ONLY);
        assertThat(partial).doesNotExist();
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screen that changes every 0.1 s for {@code seconds}. */
    private static Casts busySession(int seconds) {
        Casts cast = Casts.of(80, 24);
        for (int i = 1; i <= seconds * 10; i++) {
            cast.output(i / 10.0, "line " + i + " " + "x".repeat(i % 60) + "\r\n");
        }
        return cast;
    }
}
