package io.airlock.recording.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.fbs.FbsRecordings;
import io.airlock.recording.video.TranscodedVideoTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./airlock transcode} and {@code ./airlock screen} on graphical (FBS) recordings. */
class GraphicalRecordingToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void transcodeRecognisesAnFbsRecordingByItsFirstBytesWhateverItsName() throws Exception {
        Path recording = FbsRecordings.vncSession(dir.resolve("session.recording"), 4_000);
        Path video = dir.resolve("session.mp4");

        int status = run("transcode", recording.toString(), video.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0:00:04 of video");
        assertThat(Files.size(video)).isPositive();
    }

    @Test
    void transcodedVideoLastsAsLongAsTheRecordingWithItsIndexInFront() throws Exception {
        // The screen last changes at 3 s; the session goes on, idle, until 7.3 s.
        Path recording = FbsRecordings.vncSession(dir.resolve("session.fbs"), 7_300);
        Path video = dir.resolve("session.mp4");

        assertThat(run("transcode", recording.toString(), video.toString())).as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        TranscodedVideoTest.assertEvidenceStream(video, 7.3);
    }

    @Test
    void screenWritesThePngOfTheMoment() throws Exception {
        Path recording = FbsRecordings.vncSession(dir.resolve("vnc.fbs"), 4_000);
        Path png = dir.resolve("at3.png");

        int status = run("screen", recording.toString(), "--at", "3", "--png", png.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(image.getRGB(450, 350) & 0xffffff).isEqualTo(0x0000ff);
    }

    @Test
    void pngOptionAndKindOfRecordingMustAgree() throws Exception {
        Path recording = FbsRecordings.vncSession(dir.resolve("vnc.fbs"), 4_000);
        Path cast = Files.writeString(dir.resolve("t.cast"), "{\"version\": 2, \"width\": 80, \"height\": 24}\n");

        assertThat(run("screen", recording.toString(), "--at", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("written with --png OUT.png");
        assertThat(run("screen", cast.toString(), "--at", "1", "--png", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--png is for graphical recordings");
    }

    @Test
    void damagedFbsGetsOneClearLineAndNoVideo() throws Exception {
        Path recording = FbsRecordings.vncSession(dir.resolve("vnc.fbs"), 4_000);
        byte[] bytes = Files.readAllBytes(recording);
        Path truncated = Files.write(dir.resolve("cut.fbs"), Arrays.copyOf(bytes, bytes.length - 30));
        Path video = dir.resolve("cut.mp4");

        int status = run("transcode", truncated.toString(), video.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("airlock transcode: " + truncated + ": byte ")
                .contains("the recording ends inside")
                .doesNotContain("\n");
        assertThat(video).doesNotExist();
    }

    private int run(String... args) {
        err.reset();
        return RecordingTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
