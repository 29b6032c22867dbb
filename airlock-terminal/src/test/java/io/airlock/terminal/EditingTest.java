package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditingTest {

    private static Terminal filled(int columns, int rows) {
        Terminal term = new Terminal(columns, rows);
        for (int row = 0; row < rows; row++) {
            term.feed((row == 0 ? "" : "\r\n") + "line" + row);
        }
        return term;
    }

    @Test
    void eraseInDisplayClearsBelowAboveAndAll() {
        Terminal term = filled(10, 4);
        term.feed("\u001b[2;3H\u001b[J");
        assertThat(term.screenText()).isEqualTo("line0\nli\n\n");
        term = filled(10, 4);
        term.feed("\u001b[3;3H\u001b[1J");
        assertThat(term.screenText()).isEqualTo("\n\n   e2\nline3");
        term.feed("\u001b[2J");
        assertThat(term.screenText()).isEqualTo("\n\n\n");
    }

    @Test
    void eraseInLineClearsRightLeftAndWholeLine() {
        Terminal term = new Terminal(10, 1);
        term.feed("abcdefgh\u001b[4G\u001b[K");
        assertThat(term.screenText()).isEqualTo("abc");
        term.feed("\r abcdefg\u001b[4G\u001b[1K");
        assertThat(term.screenText()).isEqualTo("    defg");
        term.feed("\u001b[2K");
        assertThat(term.screenText()).isEmpty();
    }

    @Test
    void eraseUsesTheCurrentBackgroundColour() {
        Terminal term = new Terminal(5, 1);
        term.feed("\u001b[44;1m\u001b[2K");
        Cell cell = term.cell(0, 4);
        assertThat(cell.background()).isEqualTo(Color.indexed(4));
        assertThat(cell.attributes()).isEmpty();
    }

    @Test
    void insertAndDeleteCharactersShiftTheRestOfTheLine() {
        Terminal term = new Terminal(8, 1);
        term.feed("abcdef\u001b[3G\u001b[2@");
        assertThat(term.screenText()).isEqualTo("ab  cdef");
        term.feed("\u001b[3P");
        assertThat(term.screenText()).isEqualTo("abdef");
        term.feed("\u001b[1G\u001b[2X");
        assertThat(term.screenText()).isEqualTo("  def");
    }

    @Test
    void insertModeShiftsInsteadOfOverwriting() {
        Terminal term = new Terminal(10, 1);
        term.feed("world\r\u001b[4hhello \u001b[4l");
        assertThat(term.screenText()).isEqualTo("hello worl");
    }

    @Test
    void insertAndDeleteLinesWorkInsideTheScrollRegionOnly() {
        Terminal term = filled(10, 5);
        term.feed("\u001b[2;4r\u001b[2;1H\u001b[L");
        assertThat(term.screenText()).isEqualTo("line0\n\nline1\nline2\nline4");
        term.feed("\u001b[2M");
        assertThat(term.screenText()).isEqualTo("line0\nline2\n\n\nline4");
        term.feed("\u001b[5;1H\u001b[L");
        assertThat(term.screenText()).isEqualTo("line0\nline2\n\n\nline4");
    }

    @Test
    void repeatPrintsTheLastCharacterAgain() {
        Terminal term = new Terminal(10, 1);
        term.feed("ab\u001b[3b");
        assertThat(term.screenText()).isEqualTo("abbbb");
    }

    @Test
    void alignmentTestFillsTheScreenWithE() {
        Terminal term = new Terminal(3, 2);
        term.feed("\u001b#8");
        assertThat(term.screenText()).isEqualTo("EEE\nEEE");
    }
}
