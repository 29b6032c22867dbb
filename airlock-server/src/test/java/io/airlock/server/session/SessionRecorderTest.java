package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.recording.video.AsciicastTranscoder;
import io.airlock.recording.video.TranscodeProgress;
import io.airlock.server.support.MutableClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private long nanos = 123_456_789L;

    @Test
    void wallClockJumpingBackAnHourAndForwardADayLeavesAReadableRecordingTimedByTheMonotonicSource()
            throws Exception {
        Path cast = dir.resolve("session-1.cast");
        try (var recorder = SessionRecorder.start(cast, 80, 24, "PLC-7 (SSH)", clock, () -> nanos, null)) {
            run(Duration.ofMillis(400));
            print(recorder, "$ date\r\n");
            clock.advance(Duration.ofHours(-1)); // NTP pulls a fast clock back
            run(Duration.ofMillis(300));
            print(recorder, "Sun Mar  1 07:00:00 UTC 2026\r\n");
            clock.advance(Duration.ofDays(1)); // an administrator sets tomorrow's date
            run(Duration.ofMillis(500));
            recorder.resize(100, 30);
            run(Duration.ofMillis(50));
            print(recorder, "$ exit\r\n");
        }

        List<Double> times = new ArrayList<>();
        try (InputStream in = Files.newInputStream(cast); var reader = AsciicastReader.open(in)) {
            assertThat(reader.header().timestamp()).isEqualTo(START);
            Optional<AsciicastEvent> event;
            while ((event = reader.next()).isPresent()) {
                times.add(event.get().time());
            }
        }
        assertThat(times).containsExactly(0.4, 0.7, 1.2, 1.25);

        Path video = dir.resolve("session-1.mp4");
        var result = AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(1280)); // 1.25 s ends on the 25 fps grid's tick 32
        assertThat(result.frames()).isPositive();
    }

    @Test
    void theSpoolFileIsOwnerOnlyFromItsFirstByte() throws Exception {
        Path cast = dir.resolve("session-2.cast");
        try (var recorder = SessionRecorder.start(cast, 80, 24, "PLC-7 (SSH)", clock, () -> nanos, null)) {
            assertThat(Files.getPosixFilePermissions(cast)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            print(recorder, "password: hunter2\r\n");
        }
        assertThat(Files.getPosixFilePermissions(cast)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** Time passes on both clocks alike. */
    private void run(Duration time) {
        clock.advance(time);
        nanos += time.toNanos();
    }

    private static void print(SessionRecorder recorder, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        recorder.output(bytes, 0, bytes.length);
    }
}
