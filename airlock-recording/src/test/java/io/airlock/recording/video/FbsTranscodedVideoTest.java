package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.fbs.FbsRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphical recordings (FBS) become the same evidence video as terminal ones. */
class FbsTranscodedVideoTest {

    @TempDir
    Path dir;

    @Test
    void recordedVncSessionBecomesAnEvidenceVideoShowingScreenCursorAndChanges() throws Exception {
        Path fbs = FbsRecordings.vncSession(dir.resolve("vnc.fbs"), 6_000);
        Path video = dir.resolve("vnc.mp4");

        TranscodeResult result = FbsTranscoder.evidence().transcode(fbs, video, TranscodeProgress.NONE);

        TranscodedVideoTest.assertEvidenceFormat(video, 6.0);
        assertThat(result.bytes()).isEqualTo(Files.size(video));
        int[] start = Ffprobe.frameAt(video, 1.0);
        assertThat(start[400 * 640 + 100]).as("the peer's red desktop").satisfies(FbsTranscodedVideoTest::isRed);
        assertThat(start[50 * 640 + 200] & 0xff).as("inside its white xterm").isGreaterThan(200);
        int[] pointer = Ffprobe.frameAt(video, 2.5);
        assertThat(pointer[304 * 640 + 304] >> 16 & 0xff).as("the black cursor at the pointer").isLessThan(60);
        assertThat(pointer[320 * 640 + 320]).as("beside the cursor").satisfies(FbsTranscodedVideoTest::isRed);
        int[] later = Ffprobe.frameAt(video, 4.0);
        assertThat(later[350 * 640 + 450] & 0xff).as("the blue rectangle drawn at 3 s").isGreaterThan(200);
        assertThat(later[350 * 640 + 450] >> 16 & 0xff).isLessThan(60);
    }

    @Test
    void tenIdleMinutesCostAlmostNothing() throws Exception {
        Path fbs = FbsRecordings.vncSession(dir.resolve("idle.fbs"), 600_000);
        Path video = dir.resolve("idle.mp4");
        long started = System.nanoTime();

        TranscodeResult result = FbsTranscoder.evidence().transcode(fbs, video, TranscodeProgress.NONE);

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.duration().toMillis()).isEqualTo(600_000);
        assertThat(result.bytes()).as("bytes for ten minutes, almost all of them idle").isLessThan(200_000);
        assertThat(seconds).as("transcode time, s").isLessThan(30);
        assertThat(Double.parseDouble(Ffprobe.stream(video).get("duration"))).isCloseTo(600.0,
                org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void screenAtAMomentIsTheFramebufferWithItsCursor() throws Exception {
        Path fbs = FbsRecordings.vncSession(dir.resolve("vnc.fbs"), 6_000);

        int[] before = FbsTranscoder.screenAt(fbs, 1.0).getRGB(0, 0, 640, 480, null, 0, 640);
        int[] after = FbsTranscoder.screenAt(fbs, 3.0).getRGB(0, 0, 640, 480, null, 0, 640);

        assertThat(before[350 * 640 + 450] & 0xffffff).isEqualTo(0xff0000);
        assertThat(after[350 * 640 + 450] & 0xffffff).isEqualTo(0x0000ff);
        assertThat(after[302 * 640 + 302] & 0xffffff).as("cursor").isEqualTo(0);
        assertThat(after[298 * 640 + 298] & 0xffffff).as("above the cursor's hot spot").isEqualTo(0xff0000);
    }

    private static void isRed(int rgb) {
        assertThat(rgb >> 16 & 0xff).isGreaterThan(200);
        assertThat(rgb >> 8 & 0xff).isLessThan(60);
        assertThat(rgb & 0xff).isLessThan(60);
    }
}
