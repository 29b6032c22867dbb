package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

    @Test
    void randomBytesNeverThrowOutOfFeed() {
        Random random = new Random(42);
        Terminal term = new Terminal(20, 6, 50);
        byte[] chunk = new byte[4096];
        assertThatCode(() -> {
            for (int i = 0; i < 200; i++) {
                random.nextBytes(chunk);
                // Bias towards ESC, CSI and digits so that sequences, not just text, get exercised.
                for (int j = 0; j < chunk.length; j += 7) {
                    chunk[j] = (byte) "\u001b[;?0123456789mHJKr\u0090\u009b\u009d".charAt(random.nextInt(22));
                }
                term.feed(chunk);
                assertCursorInside(term);
                term.resize(1 + random.nextInt(30), 1 + random.nextInt(10));
                assertCursorInside(term);
                term.screenText();
                term.takeDirtySpans();
            }
        }).doesNotThrowAnyException();
        assertThat(term.scrollbackSize()).isLessThanOrEqualTo(50);
    }

    private static void assertCursorInside(Terminal term) {
        Cursor cursor = term.cursor();
        assertThat(cursor.row()).isBetween(0, term.rows() - 1);
        assertThat(cursor.column()).isBetween(0, term.columns() - 1);
        term.cell(cursor.row(), cursor.column());
    }

    @Test
    void combiningCharactersPerCellAreCapped() {
        Terminal term = new Terminal(10, 1);
        term.feed("e" + "\u0301".repeat(10_000));
        assertThat(term.cell(0, 0).text().codePointCount(0, term.cell(0, 0).text().length())).isEqualTo(9);
    }

    @Test
    void hugeParameterValuesAreClamped() {
        Terminal term = new Terminal(10, 5);
        term.feed("\u001b[99999999999999999999;99999999999999999999Hx\u001b[999999999999L\u001b[99999999b");
        assertThat(term.cursor().row()).isEqualTo(4);
    }

    @Test
    void tooManyParametersAreDropped() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b[" + "1;".repeat(10_000) + "31mx");
        assertThat(term.cell(0, 0).has(Attribute.BOLD)).isTrue();
        assertThat(term.rowText(0)).isEqualTo("x");
    }

    @Test
    void overlongOscStringIsCutNotStored() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b]2;" + "t".repeat(1_000_000) + "\u0007ok");
        assertThat(term.title()).hasSize(Parser.MAX_OSC_LENGTH - 2);
        assertThat(term.rowText(0)).isEqualTo("ok");
    }

    @Test
    void controlStringsAreSwallowedUntilTheirTerminator() {
        Terminal term = new Terminal(20, 1);
        term.feed("a\u001bP1$r0m\u001b\\b\u001b_apc data\u001b\\c\u001b^pm\u001b\\d\u001bXsos\u001b\\e");
        assertThat(term.rowText(0)).isEqualTo("abcde");
    }

    @Test
    void cancelAbortsASequence() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b[31\u0018x\u001b]0;title\u001ay");
        assertThat(term.rowText(0)).isEqualTo("xy");
        assertThat(term.cell(0, 0).foreground()).isEqualTo(Color.DEFAULT);
        assertThat(term.title()).isEmpty();
    }

    @Test
    void controlCharactersInsideASequenceAreExecuted() {
        Terminal term = new Terminal(10, 2);
        term.feed("ab\u001b[\r2Cx");
        assertThat(term.rowText(0)).isEqualTo("abx");
        assertThat(term.cursor().column()).isEqualTo(3);
    }

    @Test
    void tooManyIntermediatesVoidTheSequence() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b[1 !\"mx");
        assertThat(term.cell(0, 0).has(Attribute.BOLD)).isFalse();
    }

    @Test
    void eightBitControlsWorkAsTheirSevenBitForms() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u009b2;3Hx\u009d0;t\u009cy");
        assertThat(term.rowText(1)).isEqualTo("  xy");
        assertThat(term.title()).isEqualTo("t");
    }
}
