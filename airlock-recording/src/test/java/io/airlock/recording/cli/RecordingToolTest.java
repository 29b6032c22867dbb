package io.airlock.recording.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken JSON          | [0.5, "o", "hi"  | line 2: not valid JSON
            wrong version        | -                | line 1: unsupported asciicast version 1
            negative time        | [-1.0, "o", "x"] | line 2: the event time -1.0 is negative
            decreasing time      | [2.0, "o", "a"]@[1.0, "o", "b"] | line 3: event time 1.0 is earlier
            huge resize          | [0.5, "r", "100000x100000"] | line 2: terminal size 100000x100000 is outside
            huge header          | +                | line 1: terminal size 5000x24 is outside
            """)
    void malformedRecordingGetsOneClearLineAndNoVideo(String name, String events, String message) throws Exception {
        String header = switch (events) {
            case "-" -> "{\"version\": 1, \"width\": 80, \"height\": 24}";
            case "+" -> "{\"version\": 2, \"width\": 5000, \"height\": 24}";
            default -> "{\"version\": 2, \"width\": 80, \"height\": 24}";
        };
        String body = events.length() == 1 ? "" : events.replace("@", "\n") + "\n[9.0, \"o\", \"end\"]\n";
        Path cast = Files.writeString(dir.resolve("bad.cast"), header + "\n" + body);
        Path video = dir.resolve("bad.mp4");

        int status = run("transcode", cast.toString(), video.toString());

        assertThat(status).isEqualTo(1);
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(error).startsWith("airlock transcode: " + cast + ": " + message);
        assertThat(error.strip().lines()).as("one line, no stack trace").hasSize(1);
        assertThat(video).doesNotExist();
    }

    @Test
    void constantFrameRateWritesAFrameForEveryTick() throws Exception {
        Path cast = Files.writeString(dir.resolve("idle.cast"), """
                {"version": 2, "width": 80, "height": 24}
                [0.5, "o", "$ tail -f /var/log/plc.log\\r\\n"]
                [20.0, "o", "done\\r\\n"]
                """);

        assertThat(run("transcode", "--constant-frame-rate", cast.toString(), dir.resolve("cfr.mp4").toString()))
                .isEqualTo(0);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0:00:20 of video, 501 frames encoded");
        assertThat(run("transcode", cast.toString(), dir.resolve("vfr.mp4").toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0:00:20 of video, 35 frames encoded");
    }

    @Test
    void missingFileIsNamed() {
        assertThat(run("transcode", dir.resolve("nope.cast").toString(), dir.resolve("x.mp4").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("airlock transcode: no such file: "
                + dir.resolve("nope.cast") + System.lineSeparator());
    }

    @Test
    void wrongCommandLineShowsUsage() {
        assertThat(run("transcode", "only-one")).isEqualTo(2);
        assertThat(run("screen", "a.cast", "--at", "soon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: airlock transcode [--constant-frame-rate] IN.cast|IN.fbs OUT.mp4");
    }

    @Test
    void screenPrintsWhatTheTerminalShowedAtThatMoment() throws Exception {
        Path cast = Files.writeString(dir.resolve("s.cast"), """
                {"version": 2, "width": 20, "height": 3}
                [0.5, "o", "$ ls   \\r\\nbin  etc"]
                [1.0, "i", "x"]
                [2.0, "o", "\\r\\n$ exit"]
                """);

        assertThat(run("screen", cast.toString(), "--at", "1.5")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("$ ls\nbin  etc\n" + System.lineSeparator());

        out.reset();
        assertThat(run("screen", cast.toString(), "--at", "2")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("$ ls\nbin  etc\n$ exit" + System.lineSeparator());
    }

    @Test
    void transcodeWritesTheVideoAndReportsOnStderr() throws Exception {
        Path cast = Files.writeString(dir.resolve("ok.cast"), """
                {"version": 2, "width": 80, "height": 24}
                [0.5, "o", "hello"]
                [1.5, "o", " world"]
                """);
        Path video = dir.resolve("ok.mp4");

        assertThat(run("transcode", cast.toString(), video.toString())).isZero();

        assertThat(video).isNotEmptyFile();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0:00:01 of video");
    }

    private int run(String... args) {
        return RecordingTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
