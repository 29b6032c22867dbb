package io.airlock.recording.asciicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.recording.RecordingFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciicastReaderTest {

    private static final String HEADER =
            "{\"version\": 2, \"width\": 80, \"height\": 24, \"timestamp\": 1700000000, "
                    + "\"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/bash\"}, \"theme\": {\"fg\": \"#fff\"}}\n";

    @Test
    void readsHeaderAndEveryKnownEventType() throws Exception {
        var events = readAll(HEADER
                + "[0.5, \"o\", \"$ ls\\r\\n\"]\n"
                + "[0.75, \"i\", \"q\"]\n"
                + "[1.0, \"r\", \"120x36\"]\n"
                + "[1.25, \"m\", \"checkpoint\"]\n");

        assertThat(events).containsExactly(
                new AsciicastEvent.Output(0.5, "$ ls\r\n"),
                new AsciicastEvent.Input(0.75, "q"),
                new AsciicastEvent.Resize(1.0, 120, 36),
                new AsciicastEvent.Marker(1.25, "checkpoint"));
    }

    @Test
    void headerCarriesSizeTimeAndEnvironment() throws Exception {
        try (var reader = AsciicastReader.open(stream(HEADER))) {
            var header = reader.header();
            assertThat(header.width()).isEqualTo(80);
            assertThat(header.height()).isEqualTo(24);
            assertThat(header.timestamp().getEpochSecond()).isEqualTo(1700000000L);
            assertThat(header.env()).containsEntry("TERM", "xterm-256color");
        }
    }

    @Test
    void unknownEventTypesAreSkipped() throws Exception {
        assertThat(readAll(HEADER + "[0.1, \"x\", \"future\"]\n[0.2, \"o\", \"a\"]\n"))
                .containsExactly(new AsciicastEvent.Output(0.2, "a"));
    }

    @Test
    void longEventsAcrossTheReadersChunksAndWindowsLineEndsReadWhole() throws Exception {
        String wide = "0123456789".repeat(5_000); // 50 000 characters: longer than the reader's chunk
        var events = readAll(HEADER.replace("\n", "\r\n") + "[0.1, \"o\", \"" + wide + "\"]\r\n"
                + "[0.2, \"o\", \"after\"]\r\n" + "[0.3, \"o\", \"" + wide + "\"]");

        assertThat(events).containsExactly(new AsciicastEvent.Output(0.1, wide),
                new AsciicastEvent.Output(0.2, "after"), new AsciicastEvent.Output(0.3, wide));
    }

    @Test
    void truncatedLastLineOfACrashedRecorderIsTolerated() throws Exception {
        assertThat(readAll(HEADER + "[0.1, \"o\", \"kept\"]\n[0.2, \"o\", \"lo"))
                .containsExactly(new AsciicastEvent.Output(0.1, "kept"));
    }

    @Test
    void brokenLineInTheMiddleNamesItsLineNumber() {
        assertThatThrownBy(() -> readAll(HEADER + "[0.1, \"o\", \"a\"]\n[0.2, \"o\" \"b\"]\n[0.3, \"o\", \"c\"]\n"))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageStartingWith("line 3: not valid JSON");
    }

    @Test
    void wrongVersionIsRefusedClearly() {
        assertThatThrownBy(() -> readAll("{\"version\": 1, \"width\": 80, \"height\": 24}\n"))
                .hasMessage("line 1: unsupported asciicast version 1; only version 2 is supported");
    }

    @Test
    void negativeAndDecreasingTimesAreRefused() {
        assertThatThrownBy(() -> readAll(HEADER + "[-1, \"o\", \"a\"]\n"))
                .hasMessageContaining("line 2").hasMessageContaining("negative");
        assertThatThrownBy(() -> readAll(HEADER + "[2.0, \"o\", \"a\"]\n[1.0, \"o\", \"b\"]\n"))
                .hasMessageContaining("line 3").hasMessageContaining("earlier than the previous");
    }

    @Test
    void hugeTerminalSizesAreRefused() {
        assertThatThrownBy(() -> readAll("{\"version\": 2, \"width\": 100000, \"height\": 24}\n"))
                .hasMessageContaining("terminal size 100000x24 is outside");
        assertThatThrownBy(() -> readAll(HEADER + "[0.1, \"r\", \"80x999999\"]\n"))
                .hasMessageContaining("line 2").hasMessageContaining("outside");
        assertThatThrownBy(() -> readAll(HEADER + "[0.1, \"r\", \"wide\"]\n"))
                .hasMessageContaining("COLUMNSxROWS");
    }

    @Test
    void emptyFileAndNonJsonHeaderAreRefused() {
        assertThatThrownBy(() -> readAll("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> readAll("Script started on 2026-01-01\n")).hasMessageStartingWith("line 1:");
    }

    @Test
    void endlessLineIsRefusedWithoutReadingItIntoMemory() {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                return served++ < HEADER.length() ? HEADER.charAt((int) served - 1) : 'a';
            }
        };
        assertThatThrownBy(() -> {
            try (var reader = AsciicastReader.open(endless)) {
                reader.next();
            }
        }).hasMessageContaining("line 2").hasMessageContaining("longer than");
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButAFormatError() {
        var random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            // Mix valid structure with noise so the parser gets past the first character often.
            String text = random.nextBoolean() ? HEADER + new String(junk, StandardCharsets.ISO_8859_1)
                    : new String(junk, StandardCharsets.ISO_8859_1);
            try {
                readAll(text);
            } catch (RecordingFormatException expected) {
                assertThat(expected.getMessage()).startsWith("line ");
            } catch (Exception other) {
                throw new AssertionError("round " + round + " escaped with " + other, other);
            }
        }
    }

    private static List<AsciicastEvent> readAll(String text) throws IOException, RecordingFormatException {
        List<AsciicastEvent> events = new ArrayList<>();
        try (var reader = AsciicastReader.open(stream(text))) {
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                events.add(e.get());
            }
        }
        return events;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
