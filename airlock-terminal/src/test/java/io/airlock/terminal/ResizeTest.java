package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResizeTest {

    private static Terminal numbered(int rows) {
        Terminal term = new Terminal(10, rows);
        for (int i = 0; i < rows; i++) {
            term.feed((i == 0 ? "" : "\r\n") + i);
        }
        return term;
    }

    @Test
    void alternateScreenEnteredAfterTheTerminalGrewHasTheNewSize() {
        Terminal term = new Terminal(80, 24);
        term.resize(120, 36);

        term.feed("\u001b[?1049h\u001b[36;120Hx");

        assertThat(term.alternateScreenActive()).isTrue();
        assertThat(term.screenText().split("\n", -1)).hasSize(36);
        assertThat(term.screenText()).endsWith("x");
    }

    @Test
    void shrinkingRowsPushesTopLinesIntoScrollbackKeepingTheCursorLine() {
        Terminal term = numbered(5);
        term.resize(10, 3);
        assertThat(term.screenText()).isEqualTo("2\n3\n4");
        assertThat(term.cursor().row()).isEqualTo(2);
        assertThat(term.scrollbackSize()).isEqualTo(2);
        assertThat(term.scrollbackLine(1)).isEqualTo("1");
    }

    @Test
    void shrinkingRowsDropsLinesBelowTheCursorFirst() {
        Terminal term = numbered(5);
        term.feed("\u001b[2;1H");
        term.resize(10, 3);
        assertThat(term.screenText()).isEqualTo("0\n1\n2");
        assertThat(term.cursor().row()).isEqualTo(1);
        assertThat(term.scrollbackSize()).isZero();
    }

    @Test
    void growingRowsPullsLinesBackFromScrollback() {
        Terminal term = numbered(5);
        term.resize(10, 3);
        term.resize(10, 6);
        assertThat(term.screenText()).isEqualTo("0\n1\n2\n3\n4\n");
        assertThat(term.cursor().row()).isEqualTo(4);
        assertThat(term.scrollbackSize()).isZero();
    }

    @Test
    void narrowingReWrapsSoftWrappedLinesAndWideningJoinsThemAgain() {
        Terminal term = new Terminal(10, 2);
        term.feed("0123456789abc");
        term.resize(5, 2);
        assertThat(term.screenText()).isEqualTo("56789\nabc");
        assertThat(term.scrollbackLine(term.scrollbackSize() - 1)).isEqualTo("01234");
        assertThat(term.cursor()).isEqualTo(new Cursor(1, 3, true));
        term.resize(8, 2);
        assertThat(term.screenText()).isEqualTo("01234567\n89abc");
        term.resize(20, 2);
        assertThat(term.screenText()).isEqualTo("0123456789abc\n");
        assertThat(term.cursor()).isEqualTo(new Cursor(0, 13, true));
    }

    @Test
    void hardLineEndsAreNotJoined() {
        Terminal term = new Terminal(6, 3);
        term.feed("abc\r\ndef");
        term.resize(12, 3);
        assertThat(term.screenText()).isEqualTo("abc\ndef\n");
    }

    @Test
    void narrowingCutsLongLinesAndKeepsTheBottomOfTheScreenInPlace() {
        Terminal term = new Terminal(8, 4);
        term.feed("abcdefgh\r\nxy");
        term.resize(4, 4);
        // tmux anchors the re-wrapped text at the bottom row, so the extra line goes to the scrollback.
        assertThat(term.screenText()).isEqualTo("efgh\nxy\n\n");
        assertThat(term.scrollbackLine(0)).isEqualTo("abcd");
        term.resize(8, 4);
        assertThat(term.screenText()).isEqualTo("abcdefgh\nxy\n\n");
    }

    @Test
    void wideCharacterMovesWholeToTheNextLineWhenReWrapped() {
        Terminal term = new Terminal(4, 2);
        term.feed("a漢");
        term.resize(2, 2);
        assertThat(term.screenText()).isEqualTo("漢\n");
        assertThat(term.scrollbackLine(0)).isEqualTo("a");
    }

    @Test
    void mainScreenIsReWrappedWhenTheAlternateScreenIsLeft() {
        Terminal term = new Terminal(6, 2);
        term.feed("abcdefgh\u001b[?1049h");
        term.resize(4, 2);
        assertThat(term.screenText()).isEqualTo("\n");
        term.resize(8, 2);
        term.feed("\u001b[?1049l");
        assertThat(term.screenText()).isEqualTo("abcdefgh\n");
        assertThat(term.cursor()).isEqualTo(new Cursor(0, 7, true));
    }

    @Test
    void resizeResetsTheScrollRegionAndClampsTheCursor() {
        Terminal term = new Terminal(10, 10);
        term.feed("\u001b[2;5r\u001b[10;10H");
        term.resize(5, 10);
        assertThat(term.cursor()).isEqualTo(new Cursor(9, 4, true));
        term.feed("\u001b[10;1H\nz");
        assertThat(term.rowText(9)).isEqualTo("z");
        assertThat(term.scrollbackSize()).isEqualTo(1);
    }

    @Test
    void alternateScreenResizesWithoutTouchingScrollback() {
        Terminal term = numbered(4);
        term.feed("\u001b[?1049h\u001b[4;1Halt");
        term.resize(10, 2);
        assertThat(term.screenText()).isEqualTo("\nalt");
        term.feed("\u001b[?1049l");
        assertThat(term.screenText()).isEqualTo("2\n3");
    }
}
