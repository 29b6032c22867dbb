package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.terminal.CellRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class TranscodedVideoTest {

    static final Path CORPUS = Path.of("..", "airlock-terminal", "src", "test", "resources", "corpus");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"session-80x24.cast", "session-120x36.cast", "session-200x60.cast", "vttest-80x24.cast"})
    void recordedSessionsBecomeEvidenceVideos(String name) throws Exception {
        Path video = dir.resolve("out.mp4");
        TranscodeResult result = AsciicastTranscoder.evidence().transcode(CORPUS.resolve(name), video,
                TranscodeProgress.NONE);

        assertEvidenceFormat(video, lastEventTime(CORPUS.resolve(name)));
        assertThat(result.bytes()).isEqualTo(Files.size(video));
    }

    @Test
    void resizedTerminalIsLetterboxedAndStillValid() throws Exception {
        Path cast = Casts.of(80, 24)
                .output(0.1, "before\r\n")
                .resize(1.0, 132, 24)
                .output(1.5, "\u001b[?1049hwide screen in the alternate buffer")
                .resize(2.0, 40, 30)
                .output(2.5, "\u001b[?1049lnarrow and tall")
                .output(4.0, "done\r\n")
                .write(dir.resolve("resize.cast"));
        Path video = dir.resolve("resize.mp4");

        AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);

        assertEvidenceFormat(video, 4.0);
        // 132x24 is drawn at 5x20 cells, 660x480: scaled to 640x464, bars above and below.
        int[] wide = Ffprobe.frameAt(video, 1.8);
        assertThat(wide[0] & 0xff).as("letterbox bar is black").isLessThan(8);
        assertThat(wide[479 * 640 + 320] & 0xff).isLessThan(8);
    }

    @Test
    void decodedFrameShowsTheTextAsTheRendererDrewIt() throws Exception {
        assertThat(decodedAgainstRendered(false)).as("PSNR of the decoded frame against the renderer's, dB")
                .isGreaterThanOrEqualTo(35.0);
    }

    @Test
    void colouredTextStaysCloseDespiteHalfResolutionColour() throws Exception {
        // yuv420p keeps colour at half resolution, which smears saturated glyph edges: about 32 dB
        // whatever the bitrate (measured: CRF 18 to 25 alike), while brightness stays sharp.
        assertThat(decodedAgainstRendered(true)).isGreaterThanOrEqualTo(30.0);
    }

    private double decodedAgainstRendered(boolean coloured) throws Exception {
        Casts casts = Casts.of(80, 24).output(0.2, "$ cat /etc/plc/config\r\n");
        for (int i = 0; i < 18; i++) {
            String colour = coloured ? "\u001b[1;3" + (1 + i % 7) + "m" : "";
            casts.output(0.3 + i * 0.01, colour + "line " + i + "\u001b[0m setpoint=" + (100 + i * 7)
                    + " mode=AUTO interlock=ENGAGED valve_" + i + "=OPEN\r\n");
        }
        Path cast = casts.output(0.6, "$ ").output(3.0, "exit\r\n").write(dir.resolve("text.cast"));
        Path video = dir.resolve("text.mp4");

        AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);

        return psnr(Ffprobe.frameAt(video, 2.0), rendered(cast, 2.0));
    }

    @Test
    void anHourOfIdleCostsRepeatsAndAKeyframeEveryHalfMinute() throws Exception {
        Path cast = Casts.of(80, 24)
                .output(0.5, "$ tail -f /var/log/plc.log\r\n")
                .output(3600.5, "connection closed\r\n")
                .write(dir.resolve("idle.cast"));
        Path video = dir.resolve("idle.mp4");

        TranscodeResult result = AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);

        assertThat(result.duration().toMillis() / 1000.0).isCloseTo(3600.5, within(0.1));
        // The picture every 2 s (1800 an hour) and the frames with changes; not 90,000 frames.
        assertThat(result.frames()).isBetween(1800L, 1840L);
        Map<String, String> stream = Ffprobe.stream(video);
        assertThat(Long.parseLong(stream.get("nb_read_packets"))).isEqualTo(result.frames());
        // Of which one in 15 is a keyframe (121 an hour, not 1,800), the rest skip frames of a few dozen bytes.
        List<Ffprobe.Packet> packets = Ffprobe.packets(video);
        assertThat(packets.stream().filter(Ffprobe.Packet::keyframe).count()).isBetween(120L, 125L);
        assertThat(result.bytes()).as("bytes for an idle hour").isLessThan(300_000);
        assertEvidenceFormat(video, 3600.5);
    }

    @Test
    void constantFrameRateWritesEveryFrameOfTheGrid() throws Exception {
        Path cast = Casts.of(80, 24)
                .output(0.5, "$ tail -f /var/log/plc.log\r\n")
                .output(41.3, "valve_3=CLOSED\r\n")
                .output(100.5, "connection closed\r\n")
                .write(dir.resolve("idle.cast"));
        Path video = dir.resolve("cfr.mp4");

        TranscodeResult result = AsciicastTranscoder.evidence().withConstantFrameRate().transcode(cast, video,
                TranscodeProgress.NONE);

        Map<String, String> stream = Ffprobe.stream(video);
        assertThat(stream.get("avg_frame_rate")).isEqualTo("25/1");
        double duration = Double.parseDouble(stream.get("duration"));
        assertThat(duration).isCloseTo(100.5, within(0.1));
        assertThat(Long.parseLong(stream.get("nb_frames"))).isCloseTo(Math.round(duration * 25), within(1L));
        assertThat(Long.parseLong(stream.get("nb_read_packets"))).isEqualTo(result.frames());
        assertEvidenceStream(video, 100.5);
        assertThat(Ffprobe.keyframeTimes(video)).containsExactly(0.0, 2.0, 32.0, 41.28, 71.28, 100.48);
    }

    static void assertEvidenceFormat(Path video, double length) throws IOException {
        assertEvidenceStream(video, length);
        assertKeyframeSpacing(Ffprobe.packets(video), Double.parseDouble(Ffprobe.stream(video).get("duration")));
    }

    /** H.264 High or Main, 640x480 yuv420p at a nominal 25 fps, as long as the recording, index in front. */
    public static void assertEvidenceStream(Path video, double length) throws IOException {
        Map<String, String> stream = Ffprobe.stream(video);
        assertThat(stream.get("codec_name")).isEqualTo("h264");
        assertThat(stream.get("profile")).isIn("High", "Main");
        assertThat(stream.get("width")).isEqualTo("640");
        assertThat(stream.get("height")).isEqualTo("480");
        assertThat(stream.get("pix_fmt")).isEqualTo("yuv420p");
        assertThat(stream.get("r_frame_rate")).isEqualTo("25/1");
        double duration = Double.parseDouble(stream.get("duration"));
        assertThat(duration).as("video duration").isCloseTo(length, within(0.1));

        List<String> boxes = Ffprobe.topLevelBoxes(video);
        assertThat(boxes).contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).as("moov before mdat in " + boxes).isLessThan(boxes.indexOf("mdat"));
    }

    /**
     * The stated keyframe bounds, seen from the file alone: keyframes at most 30 s apart, and where they
     * are more than 2 s apart, nothing changed in between: the only frames there are the repeats of the
     * keyframe's picture on its 2 s grid (and the full-rate first second, and the frame on the last tick).
     * A seek therefore decodes at most 2 s of frames, or a keyframe and repeats of its picture.
     */
    static void assertKeyframeSpacing(List<Ffprobe.Packet> packets, double duration) {
        double period = 1.0 / 25;
        assertThat(packets.getFirst().keyframe()).isTrue();
        assertThat(packets.getFirst().time()).isZero();
        double lastKey = 0;
        for (Ffprobe.Packet packet : packets) {
            if (packet.keyframe()) {
                assertThat(packet.time() - lastKey).as("keyframe interval at " + packet.time())
                        .isLessThanOrEqualTo(30.0 + 1e-6);
                lastKey = packet.time();
            }
        }
        assertThat(duration - lastKey).as("from the last keyframe to the end").isLessThanOrEqualTo(30.0 + 1e-6);
        double key = 0;
        for (int i = 0; i < packets.size(); i++) {
            Ffprobe.Packet packet = packets.get(i);
            if (packet.keyframe()) {
                key = packet.time();
                continue;
            }
            double next = packets.subList(i, packets.size()).stream().filter(Ffprobe.Packet::keyframe)
                    .map(Ffprobe.Packet::time).findFirst().orElse(duration);
            if (next - key <= 2.0 + 1e-6 || packet.time() < 1.0 || i == packets.size() - 1) {
                continue;
            }
            double sinceKey = packet.time() - key;
            assertThat(Math.abs(sinceKey / 2.0 - Math.round(sinceKey / 2.0)) * 2.0)
                    .as("frame at %s in the %s s between keyframes at %s and %s is a repeat on the 2 s grid",
                            packet.time(), next - key, key, next)
                    .isLessThan(period / 2);
        }
    }

    static double lastEventTime(Path cast) throws IOException, RecordingFormatException {
        try (InputStream in = Files.newInputStream(cast); AsciicastReader reader = AsciicastReader.open(in)) {
            double last = 0;
            Optional<AsciicastEvent> event;
            while ((event = reader.next()).isPresent()) {
                last = event.get().time();
            }
            return last;
        }
    }

    /** What the renderer itself draws for the screen at {@code seconds} (80x24: exactly 640x480). */
    private static int[] rendered(Path cast, double seconds) throws IOException, RecordingFormatException {
        try (InputStream in = Files.newInputStream(cast); AsciicastReader reader = AsciicastReader.open(in)) {
            TerminalPlayback playback = new TerminalPlayback(reader.header().width(), reader.header().height());
            Optional<AsciicastEvent> event;
            while ((event = reader.next()).isPresent() && event.get().time() <= seconds) {
                playback.apply(event.get());
            }
            CellRenderer renderer = new CellRenderer(playback.terminal());
            renderer.render();
            assertThat(renderer.width() * renderer.height()).isEqualTo(640 * 480);
            return renderer.pixels().clone();
        }
    }

    static double psnr(int[] actual, int[] expected) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = (actual[i] >> shift & 0xff) - (expected[i] >> shift & 0xff);
                sum += d * d;
            }
        }
        double mse = sum / (actual.length * 3.0);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }
}
