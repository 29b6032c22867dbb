package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Printable ASCII reaches the screen in runs rather than a character at a time; these tests hold the
 * runs to the screen that printing the same input one code point at a time gives, over random mixes of
 * text, controls, sequences, wide and combining characters, character sets, insert mode and writing
 * without auto-wrap, and over random chunk boundaries and broken UTF-8 for byte input.
 */
class AsciiRunsTest {

    private static final List<String> PIECES = List.of("a", "hello", "x".repeat(37), "y".repeat(95), " ", "~!#$%",
            "\r\n", "\n", "\r", "\t", "\b", "\u001b[31m", "\u001b[1;44m", "\u001b[0m", "\u001b[4h", "\u001b[4l",
            "\u001b[?7l", "\u001b[?7h", "\u001b(0", "\u001b(B", "\u001b)0", "\u000e", "\u000f", "\u001bN",
            "\u001b[5G", "\u001b[2;10H", "\u001b[K", "\u001b[2J", "\u001b[3b", "\u001b[2@", "\u001b[2P", "\u001b7",
            "\u001b8", "\u001b[?1049h", "\u001b[?1049l", "\u001b]0;title\u0007", "\u001b[", "\u001b", "\u6f22",
            "\u6f22\u5b57", "e\u0301", "\u0301", "\ud83d\ude00", "\u00e9t\u00e9", "\u001b[2;5r", "\u001bM", "\u001bD",
            "\u0085", "\u009b1m", "\u007f", "\u001b#8");

    @Test
    void textInRunsGivesTheScreenOfCharacterByCharacter() {
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            int columns = 1 + random.nextInt(30);
            int rows = 1 + random.nextInt(8);
            String text = randomText(random);
            Terminal runs = new Terminal(columns, rows, 20);
            Reference single = new Reference(columns, rows, 20);
            runs.feed(text);
            single.feed(text);
            assertSameScreen(runs, single, text);
        }
    }

    @Test
    void bytesInRunsGiveTheScreenOfCharacterByCharacterAcrossChunksAndBrokenUtf8() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            int columns = 1 + random.nextInt(30);
            int rows = 1 + random.nextInt(8);
            byte[] bytes = randomText(random).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length / 40; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // broken sequences
            }
            Terminal runs = new Terminal(columns, rows, 20);
            Reference single = new Reference(columns, rows, 20);
            for (int at = 0; at < bytes.length;) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(12));
                runs.feed(bytes, at, n);
                at += n;
            }
            single.feed(bytes);
            assertSameScreen(runs, single, new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aLongRunWrapsOverManyLinesAndScrollsThemIntoTheScrollback() {
        Terminal term = new Terminal(10, 3, 100);
        term.feed("0123456789".repeat(1000) + "abc");
        assertThat(term.scrollbackSize()).isEqualTo(100); // 998 lines left the screen; the newest 100 are kept
        assertThat(term.rowText(0)).isEqualTo("0123456789");
        assertThat(term.rowText(2)).isEqualTo("abc");
        assertThat(term.cursor().column()).isEqualTo(3);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    /** Compares every cell, the cursor, then what one more character and a repeat do (pending wrap, REP). */
    private static void assertSameScreen(Terminal runs, Reference single, String input) {
        for (String more : List.of("", "Z", "\u001b[2b")) {
            runs.feed(more);
            single.feed(more);
            String context = "after " + escaped(input + more);
            assertThat(runs.cursor()).as(context).isEqualTo(single.cursor());
            assertThat(runs.scrollbackSize()).as(context).isEqualTo(single.screen.scrollback().size());
            for (int row = 0; row < runs.rows(); row++) {
                Line line = single.screen.line(row);
                assertThat(runs.rowText(row)).as(context + ", row " + row).isEqualTo(line.text());
                for (int column = 0; column < runs.columns(); column++) {
                    Cell cell = runs.cell(row, column);
                    Pen pen = line.pen(column);
                    assertThat(List.of(cell.foreground(), cell.background(), cell.attributes()))
                            .as(context + ", cell " + row + "," + column)
                            .isEqualTo(List.of(pen.foreground(), pen.background(), pen.attributeSet()));
                }
            }
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }

    /** The emulator's parts with every code point handed to the parser on its own, as before runs existed. */
    private static final class Reference {
        final Screen screen;
        final Parser parser;
        final Utf8Decoder decoder = new Utf8Decoder();

        Reference(int columns, int rows, int scrollback) {
            screen = new Screen(columns, rows, scrollback);
            parser = new Parser(new Interpreter(screen, new Replies()));
        }

        void feed(String text) {
            decoder.flush(parser::advance);
            text.codePoints().forEach(parser::advance);
        }

        void feed(byte[] bytes) {
            decoder.decode(bytes, 0, bytes.length, parser::advance);
        }

        Cursor cursor() {
            return new Cursor(screen.row(), screen.column(), screen.modes().cursorVisible);
        }
    }
}
