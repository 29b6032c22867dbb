package io.airlock.recording.asciicast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsciicastWriterTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private long nanos = 7_000_000_000L;
    private final Ticker ticker = () -> nanos;

    /** Both clocks run on by the same time, as they do while nobody sets the wall clock. */
    private void elapse(Duration time) {
        now = now.plus(time);
        nanos += time.toNanos();
    }

    @Test
    void whatIsWrittenReadsBackEventForEvent() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new AsciicastWriter(bytes, new AsciicastHeader(80, 24, null, "PLC-7",
                Map.of("TERM", "xterm-256color")), clock, ticker)) {
            elapse(Duration.ofMillis(1500));
            byte[] printed = "$ ls \"quoted\"\r\n\u001b[31mred\u001b[0m\n".getBytes(StandardCharsets.UTF_8);
            writer.output(printed, 0, printed.length);
            elapse(Duration.ofSeconds(2));
            writer.resize(120, 36);
            writer.marker("monitor started");
        }
        // One event a line, as asciinema writes them, so tools that read line by line take the file.
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().skip(1)).containsExactly(
                "[1.5,\"o\",\"$ ls \\\"quoted\\\"\\r\\n\\u001B[31mred\\u001B[0m\\n\"]",
                "[3.5,\"r\",\"120x36\"]", "[3.5,\"m\",\"monitor started\"]");

        try (var reader = AsciicastReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(reader.header().width()).isEqualTo(80);
            assertThat(reader.header().title()).isEqualTo("PLC-7");
            assertThat(reader.header().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            List<AsciicastEvent> events = new ArrayList<>();
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                events.add(e.get());
            }
            assertThat(events).containsExactly(
                    new AsciicastEvent.Output(1.5, "$ ls \"quoted\"\r\n\u001b[31mred\u001b[0m\n"),
                    new AsciicastEvent.Resize(3.5, 120, 36),
                    new AsciicastEvent.Marker(3.5, "monitor started"));
        }
    }

    @Test
    void wallClockStepsBackAndForwardLeaveEventTimesOnTheMonotonicSource() throws Exception {
        var bytes = new ByteArrayOutputStream();
        List<Double> written = new ArrayList<>();
        try (var writer = new AsciicastWriter(bytes, new AsciicastHeader(80, 24, null, "PLC-7", Map.of()), clock,
                ticker)) {
            elapse(Duration.ofSeconds(1));
            written.add(writer.marker("before").time());
            now = now.minus(Duration.ofHours(1)); // NTP corrects a clock that ran an hour ahead
            nanos += 250_000_000L;
            written.add(writer.output(new byte[] {'a'}, 0, 1).orElseThrow().time());
            now = now.plus(Duration.ofDays(1)); // an administrator sets the date forward
            nanos += 500_000_000L;
            written.add(writer.output(new byte[] {'b'}, 0, 1).orElseThrow().time());
            elapse(Duration.ofMillis(1));
            written.add(writer.resize(100, 30).time());
        }

        assertThat(written).containsExactly(1.0, 1.25, 1.75, 1.751);
        try (var reader = AsciicastReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(reader.header().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            List<Double> read = new ArrayList<>();
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                read.add(e.get().time());
            }
            assertThat(read).isEqualTo(written);
        }
    }

    @Test
    void aTickerThatRunsBackwardsNeverMakesTheRecordingUnreadable() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new AsciicastWriter(bytes, new AsciicastHeader(80, 24, null, null, Map.of()), clock,
                ticker)) {
            nanos += 2_000_000_000L;
            writer.marker("first");
            nanos -= 1_000_000_000L;

            assertThat(writer.marker("second").time()).isEqualTo(2.0);
        }
        try (var reader = AsciicastReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(reader.next().orElseThrow().time()).isEqualTo(2.0);
            assertThat(reader.next().orElseThrow().time()).isEqualTo(2.0);
        }
    }

    @Test
    void anyTextTheEquipmentPrintsReadsBackUnchanged() throws Exception {
        String printed = "tab\tback\\slash \"quote\" bell\u0007 nul\u0000 del\u007f \u2028 é € \uD83D\uDE00 \u001b[0m";
        var bytes = new ByteArrayOutputStream();
        try (var writer = new AsciicastWriter(bytes, new AsciicastHeader(80, 24, null, null, Map.of()), clock,
                ticker)) {
            byte[] utf8 = printed.getBytes(StandardCharsets.UTF_8);
            // Split inside the four-byte emoji (the last five bytes are " ESC[0m"), so it arrives in two chunks.
            int split = utf8.length - 5 - 2;
            writer.output(utf8, 0, split);
            writer.output(utf8, split, utf8.length - split);
        }

        try (var reader = AsciicastReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
            StringBuilder read = new StringBuilder();
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                read.append(((AsciicastEvent.Output) e.get()).data());
            }
            assertThat(read.toString()).isEqualTo(printed);
        }
    }

    @Test
    void characterSplitAcrossTwoReadsStaysWhole() throws Exception {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        var carry = new AsciicastWriter.Utf8Carry();

        String first = carry.decode(new byte[] {'a', euro[0], euro[1]}, 0, 3);
        String second = carry.decode(new byte[] {euro[2], 'b'}, 0, 2);

        assertThat(first).isEqualTo("a");
        assertThat(second).isEqualTo("€b");
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        var carry = new AsciicastWriter.Utf8Carry();

        assertThat(carry.decode(new byte[] {'x', (byte) 0xff, 'y'}, 0, 3)).isEqualTo("x\uFFFDy");
    }
}
