package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModesAndRepliesTest {

    @Test
    void mode1049SavesCursorClearsAndRestoresTheMainScreen() {
        Terminal term = new Terminal(10, 3);
        term.feed("shell$ ls\r\nfile");
        term.feed("\u001b[?1049h");
        assertThat(term.alternateScreenActive()).isTrue();
        assertThat(term.screenText()).isEqualTo("\n\n");
        term.feed("\u001b[Hvim");
        term.feed("\u001b[?1049l");
        assertThat(term.alternateScreenActive()).isFalse();
        assertThat(term.screenText()).isEqualTo("shell$ ls\nfile\n");
        assertThat(term.cursor()).isEqualTo(new Cursor(1, 4, true));
    }

    @Test
    void mode47KeepsTheAlternateContentAndMode1047ClearsItOnLeaving() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?47halt\u001b[?47l\u001b[?47h");
        assertThat(term.screenText()).isEqualTo("alt\n");
        term.feed("\u001b[?1047l\u001b[?1047h");
        assertThat(term.screenText()).isEqualTo("\n");
    }

    @Test
    void alternateScreenHasNoScrollback() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?1049h1\r\n2\r\n3\r\n4");
        assertThat(term.scrollbackSize()).isZero();
    }

    @Test
    void bracketedPasteModeIsTracked() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?2004h");
        assertThat(term.bracketedPasteMode()).isTrue();
        term.feed("\u001b[?2004l");
        assertThat(term.bracketedPasteMode()).isFalse();
    }

    @Test
    void deviceAttributesAndStatusReportsAreCollectedNotSent() {
        Terminal term = new Terminal(10, 5);
        term.feed("\u001b[c\u001b[>c\u001b[5n\u001b[3;7H\u001b[6n\u001b[?6n");
        assertThat(term.takeRepliesAsString()).isEqualTo(
                "\u001b[?62;22c\u001b[>1;10;0c\u001b[0n\u001b[3;7R\u001b[?3;7R");
        assertThat(term.takeReplies()).isEmpty();
    }

    @Test
    void fullResetClearsScreenModesAndPen() {
        Terminal term = new Terminal(10, 3);
        term.feed("\u001b[31mtext\u001b[?25l\u001b[2;3r\u001b[?1049h\u001bc");
        assertThat(term.screenText()).isEqualTo("\n\n");
        assertThat(term.alternateScreenActive()).isFalse();
        assertThat(term.cursor()).isEqualTo(new Cursor(0, 0, true));
        term.feed("\r\n\r\n\r\nx");
        assertThat(term.rowText(2)).isEqualTo("x");
        assertThat(term.cell(2, 0).foreground()).isEqualTo(Color.DEFAULT);
    }

    @Test
    void softResetKeepsTheScreenButResetsModes() {
        Terminal term = new Terminal(10, 3);
        term.feed("text\u001b[?25l\u001b[1m\u001b[?7l\u001b[!p");
        assertThat(term.screenText()).isEqualTo("text\n\n");
        assertThat(term.cursor().visible()).isTrue();
        term.feed("\u001b[2;1Hy");
        assertThat(term.cell(1, 0).attributes()).isEmpty();
    }

    @Test
    void windowTitleIsTakenFromOsc() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b]0;first\u0007\u001b]2;second\u001b\\x");
        assertThat(term.title()).isEqualTo("second");
        assertThat(term.rowText(0)).isEqualTo("x");
    }

    @Test
    void reverseVideoModeIsTracked() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b[?5h");
        assertThat(term.reverseVideo()).isTrue();
    }
}
