package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.fbs.FbsRecordings;
import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
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
    void resizedDesktopIsScaledIntoTheLetterbox() throws Exception {
        ByteArrayInputStream capture = new ByteArrayInputStream(FbsRecordings.capture("zrle"));
        ServerInit init = ServerInit.read(capture);
        byte[] screen = capture.readAllBytes();
        AtomicLong now = new AtomicLong();
        Path fbs = dir.resolve("resize.fbs");
        try (OutputStream out = Files.newOutputStream(fbs); FbsWriter writer = new FbsWriter(out, init, now::get)) {
            writer.write(screen, 0, screen.length);
            now.set(1_000_000_000L);
            ByteBuffer resize = ByteBuffer.allocate(4 + 12 + 12 + 8)
                    .put((byte) 0).put((byte) 0).putShort((short) 2)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 1280).putShort((short) 800).putInt(-223)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 1280).putShort((short) 800).putInt(2)
                    .putInt(0).put(new byte[] {0, (byte) 0xff, 0, 0}); // green (LE B,G,R,0)
            writer.write(resize.array(), 0, resize.capacity());
            now.set(3_000_000_000L);
        }
        Path video = dir.resolve("resize.mp4");

        FbsTranscoder.evidence().transcode(fbs, video, TranscodeProgress.NONE);

        TranscodedVideoTest.assertEvidenceFormat(video, 3.0);
        // 1280x800 halved to 640x400: bars of 40 rows above and below.
        int[] wide = Ffprobe.frameAt(video, 2.0);
        assertThat(wide[10 * 640 + 320] >> 8 & 0xff).as("letterbox bar").isLessThan(30);
        assertThat(wide[240 * 640 + 320] >> 8 & 0xff).as("the green desktop").isGreaterThan(200);
        assertThat(wide[470 * 640 + 320] >> 8 & 0xff).as("letterbox bar").isLessThan(30);
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
