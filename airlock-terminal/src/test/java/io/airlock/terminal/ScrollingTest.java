package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrollingTest {

    @Test
    void scrollRegionKeepsLinesOutsideRegion() {
        Terminal term = new Terminal(10, 6);
        term.feed("top\r\n1\r\n2\r\n3\r\n4\r\nbottom");
        term.feed("\u001b[2;5r\u001b[5;1H\n\nnew");
        assertThat(term.screenText()).isEqualTo("top\n3\n4\n\nnew\nbottom");
        assertThat(term.scrollbackSize()).isZero();
    }

    @Test
    void lineFeedAtTheBottomPushesTheTopLineIntoScrollback() {
        Terminal term = new Terminal(10, 2);
        term.feed("one\r\ntwo\r\nthree");
        assertThat(term.screenText()).isEqualTo("two\nthree");
        assertThat(term.scrollbackSize()).isEqualTo(1);
        assertThat(term.scrollbackLine(0)).isEqualTo("one");
    }

    @Test
    void scrollbackIsBoundedByItsCapacity() {
        Terminal term = new Terminal(10, 2, 3);
        for (int i = 0; i < 20; i++) {
            term.feed("line" + i + "\r\n");
        }
        assertThat(term.scrollbackSize()).isEqualTo(3);
        assertThat(term.scrollbackLine(0)).isEqualTo("line16");
    }

    @Test
    void linesReusedAfterLeavingAFullScrollbackLeaveNoTraceOfWhatTheyHeld() {
        // The same output on a terminal that keeps every line and on one that recycles all but two.
        Terminal keeps = new Terminal(10, 3, 1000);
        Terminal recycles = new Terminal(10, 3, 2);
        for (Terminal term : new Terminal[] {keeps, recycles}) {
            for (int i = 0; i < 12; i++) {
                term.feed("\u001b[41mx" + i + "e\u0301\u001b[0m wrapped-long\r\n");
            }
            term.feed("\u001b[44m\r\n\r\n\u001b[0mplain");
        }
        assertThat(recycles.screenText()).isEqualTo(keeps.screenText());
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 10; column++) {
                assertThat(recycles.cell(row, column)).as("cell %d,%d", row, column)
                        .isEqualTo(keeps.cell(row, column));
            }
        }
        assertThat(recycles.scrollbackSize()).isEqualTo(2);
        int kept = keeps.scrollbackSize();
        assertThat(recycles.scrollbackLine(0)).isEqualTo(keeps.scrollbackLine(kept - 2));
        assertThat(recycles.scrollbackLine(1)).isEqualTo(keeps.scrollbackLine(kept - 1));
    }

    @Test
    void scrollRegionLinesAreReusedInPlaceAndStartBlank() {
        Terminal term = new Terminal(10, 4, 0);
        term.feed("\u001b[2;3r\u001b[2;1H");
        for (int i = 0; i < 10; i++) {
            term.feed("\u001b[7mrow" + i + "\u001b[0m\r\n");
        }
        assertThat(term.screenText()).isEqualTo("\nrow9\n\n");
        assertThat(term.cell(2, 0).attributes()).isEmpty();
    }

    @Test
    void reverseIndexAtTheTopScrollsDown() {
        Terminal term = new Terminal(10, 3);
        term.feed("a\r\nb\r\nc\u001b[H\u001bMz");
        assertThat(term.screenText()).isEqualTo("z\na\nb");
    }

    @Test
    void indexAndNextLineMoveDown() {
        Terminal term = new Terminal(10, 3);
        term.feed("ab\u001bDc\u001bEd");
        assertThat(term.screenText()).isEqualTo("ab\n  c\nd");
    }

    @Test
    void scrollUpAndDownMoveTheRegionContent() {
        Terminal term = new Terminal(10, 4);
        term.feed("1\r\n2\r\n3\r\n4\u001b[2S");
        assertThat(term.screenText()).isEqualTo("3\n4\n\n");
        term.feed("\u001b[T");
        assertThat(term.screenText()).isEqualTo("\n3\n4\n");
    }

    @Test
    void invalidScrollRegionIsIgnored() {
        Terminal term = new Terminal(10, 4);
        term.feed("\u001b[3;3r\u001b[4;1H\nx");
        assertThat(term.screenText()).isEqualTo("\n\n\nx");
    }

    @Test
    void eraseScrollbackForgetsHistory() {
        Terminal term = new Terminal(10, 1);
        term.feed("a\r\nb\u001b[3J");
        assertThat(term.scrollbackSize()).isZero();
        assertThat(term.screenText()).isEqualTo("b");
    }

    @Test
    void fullScrollbackGivesBackItsNewestLinesWhenTheScreenGrows() {
        Terminal term = new Terminal(10, 2, 3);
        for (int i = 0; i < 10; i++) {
            term.feed("line" + i + "\r\n");
        }
        term.resize(10, 4);
        assertThat(term.screenText()).isEqualTo("line7\nline8\nline9\n");
        assertThat(term.scrollbackSize()).isEqualTo(1);
        assertThat(term.scrollbackLine(0)).isEqualTo("line6");
    }
}
