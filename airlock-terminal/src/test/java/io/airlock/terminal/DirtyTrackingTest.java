package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirtyTrackingTest {

    @Test
    void newTerminalReportsEveryRowOnce() {
        Terminal term = new Terminal(4, 2);
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(0, 0, 4), new DirtySpan(1, 0, 4));
        assertThat(term.takeDirtySpans()).isEmpty();
    }

    @Test
    void printingReportsOnlyTheCellsWritten() {
        Terminal term = new Terminal(10, 3);
        term.takeDirtySpans();
        term.feed("\u001b[2;3Hab");
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(1, 2, 4));
    }

    @Test
    void wideCharacterMarksBothCells() {
        Terminal term = new Terminal(10, 1);
        term.takeDirtySpans();
        term.feed("\u001b[5G漢");
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(0, 4, 6));
    }

    @Test
    void scrollingMarksTheWholeRegion() {
        Terminal term = new Terminal(5, 4);
        term.feed("\u001b[2;3r");
        term.takeDirtySpans();
        term.feed("\u001b[3;1H\n");
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(1, 0, 5), new DirtySpan(2, 0, 5));
    }

    @Test
    void scrollingTheWholeScreenReportsEveryRowOnceThenNothing() {
        Terminal term = new Terminal(5, 3);
        term.takeDirtySpans();
        term.feed("\u001b[3;1H\n\n");
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(0, 0, 5), new DirtySpan(1, 0, 5),
                new DirtySpan(2, 0, 5));
        assertThat(term.takeDirtySpans()).isEmpty();
        term.feed("x");
        assertThat(term.takeDirtySpans()).containsExactly(new DirtySpan(2, 0, 1));
    }

    @Test
    void cursorMovementAloneDirtiesNothing() {
        Terminal term = new Terminal(5, 2);
        term.takeDirtySpans();
        term.feed("\u001b[2;2H\u001b[?25l");
        assertThat(term.takeDirtySpans()).isEmpty();
    }

    @Test
    void switchingScreensMarksEverything() {
        Terminal term = new Terminal(3, 2);
        term.takeDirtySpans();
        term.feed("\u001b[?1049h");
        assertThat(term.takeDirtySpans()).hasSize(2);
        term.feed("\u001b[?1049l");
        assertThat(term.takeDirtySpans()).hasSize(2);
    }
}
