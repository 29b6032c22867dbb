package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorAndWrapTest {

    @Test
    void pendingWrapDefersLineFeedUntilNextPrintable() {
        Terminal term = new Terminal(10, 3);
        term.feed("0123456789");
        assertThat(term.cursor()).isEqualTo(new Cursor(0, 9, true));
        assertThat(term.rowText(1)).isEmpty();
        term.feed("X");
        assertThat(term.screenText()).isEqualTo("0123456789\nX\n");
        assertThat(term.cursor()).isEqualTo(new Cursor(1, 1, true));
    }

    @Test
    void carriageReturnAfterFullLineCancelsThePendingWrap() {
        Terminal term = new Terminal(10, 3);
        term.feed("0123456789\r\nnext");
        assertThat(term.screenText()).isEqualTo("0123456789\nnext\n");
    }

    @Test
    void autoWrapOffOverwritesTheLastColumn() {
        Terminal term = new Terminal(5, 2);
        term.feed("\u001b[?7labcdefg");
        assertThat(term.screenText()).isEqualTo("abcdg\n");
    }

    @Test
    void cursorMovesAreClampedToTheScreen() {
        Terminal term = new Terminal(10, 5);
        term.feed("\u001b[3;4H");
        assertThat(term.cursor()).isEqualTo(new Cursor(2, 3, true));
        term.feed("\u001b[10A");
        assertThat(term.cursor().row()).isZero();
        term.feed("\u001b[99B\u001b[99C");
        assertThat(term.cursor()).isEqualTo(new Cursor(4, 9, true));
        term.feed("\u001b[3D\u001b[2F");
        assertThat(term.cursor()).isEqualTo(new Cursor(2, 0, true));
        term.feed("\u001b[E\u001b[5G");
        assertThat(term.cursor()).isEqualTo(new Cursor(3, 4, true));
        term.feed("\u001b[2d\u001b[7`");
        assertThat(term.cursor()).isEqualTo(new Cursor(1, 6, true));
        term.feed("\u001b[4;2f");
        assertThat(term.cursor()).isEqualTo(new Cursor(3, 1, true));
    }

    @Test
    void cursorUpStopsAtTheTopMarginWhenInsideTheRegion() {
        Terminal term = new Terminal(10, 10);
        term.feed("\u001b[3;8r\u001b[5;1H\u001b[9A");
        assertThat(term.cursor().row()).isEqualTo(2);
        term.feed("\u001b[9B");
        assertThat(term.cursor().row()).isEqualTo(7);
    }

    @Test
    void originModeAddressesRelativeToTheScrollRegion() {
        Terminal term = new Terminal(10, 10);
        term.feed("\u001b[3;6r\u001b[?6h\u001b[1;1Htop\u001b[99;1Hbottom");
        assertThat(term.rowText(2)).isEqualTo("top");
        assertThat(term.rowText(5)).isEqualTo("bottom");
        term.feed("\u001b[2;3H\u001b[6n");
        assertThat(term.takeRepliesAsString()).isEqualTo("\u001b[2;3R");
    }

    @Test
    void saveAndRestoreCursorKeepsPositionAndPen() {
        Terminal term = new Terminal(20, 5);
        term.feed("\u001b[2;3H\u001b[31m\u001b7\u001b[0m\u001b[5;10Hx\u001b8y");
        assertThat(term.cursor()).isEqualTo(new Cursor(1, 3, true));
        assertThat(term.cell(1, 2).foreground()).isEqualTo(Color.indexed(1));
        term.feed("\u001b[4;4H\u001b[s\u001b[1;1H\u001b[u");
        assertThat(term.cursor()).isEqualTo(new Cursor(3, 3, true));
    }

    @Test
    void tabsFollowDefaultAndProgrammedStops() {
        Terminal term = new Terminal(40, 2);
        term.feed("a\tb\tc");
        assertThat(term.rowText(0)).isEqualTo("a       b       c");
        term.feed("\r\n\u001b[3g   \u001bH\r\tX\u001b[2I");
        assertThat(term.rowText(1)).isEqualTo("   X");
        assertThat(term.cursor().column()).isEqualTo(39);
        term.feed("\u001b[Z");
        assertThat(term.cursor().column()).isEqualTo(3);
    }

    @Test
    void cursorVisibilityFollowsDectcem() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?25l");
        assertThat(term.cursor().visible()).isFalse();
        term.feed("\u001b[?25h");
        assertThat(term.cursor().visible()).isTrue();
    }

    @Test
    void backspaceAndLineFeedMoveTheCursor() {
        Terminal term = new Terminal(10, 3);
        term.feed("abc\b\bX\nY");
        assertThat(term.screenText()).isEqualTo("aXc\n  Y\n");
    }

    @Test
    void cursorBackFromPendingWrapStartsAtTheLastColumn() {
        Terminal term = new Terminal(5, 2);
        term.feed("abcde\u001b[1DX");
        assertThat(term.rowText(0)).isEqualTo("abcXe");
    }

    @Test
    void scrollRegionHomesToItsTopInOriginMode() {
        Terminal term = new Terminal(10, 5);
        term.feed("\u001b[?6h\u001b[3;5rx");
        assertThat(term.rowText(2)).isEqualTo("x");
    }

    @Test
    void columnModeSwitchIsIgnoredAsByXtermWithoutColumnSwitching() {
        Terminal term = new Terminal(10, 2);
        term.feed("keep\u001b[?3h\u001b[?3l");
        assertThat(term.rowText(0)).isEqualTo("keep");
        assertThat(term.columns()).isEqualTo(10);
        assertThat(term.cursor().column()).isEqualTo(4);
    }
}
