package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnicodeTest {

    @Test
    void wideCharactersTakeTwoCells() {
        Terminal term = new Terminal(10, 1);
        term.feed("日本x");
        assertThat(term.cell(0, 0)).extracting(Cell::text, Cell::width).containsExactly("日", 2);
        assertThat(term.cell(0, 1)).extracting(Cell::text, Cell::width).containsExactly("", 0);
        assertThat(term.cell(0, 4).text()).isEqualTo("x");
        assertThat(term.cursor().column()).isEqualTo(5);
        assertThat(term.rowText(0)).isEqualTo("日本x");
    }

    @Test
    void wideCharacterThatDoesNotFitWrapsToTheNextLine() {
        Terminal term = new Terminal(5, 2);
        term.feed("abcd漢");
        assertThat(term.screenText()).isEqualTo("abcd\n漢");
    }

    @Test
    void overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        Terminal term = new Terminal(6, 1);
        term.feed("漢字\u001b[2Gx");
        assertThat(term.rowText(0)).isEqualTo(" x字");
        term.feed("\u001b[3Gy");
        assertThat(term.rowText(0)).isEqualTo(" xy");
    }

    @Test
    void deletingHalfAWideCharacterBlanksWhatIsLeftOfIt() {
        // xterm.js, which shows the operator the live session, does the same; tmux drops the whole character.
        Terminal term = new Terminal(10, 1);
        term.feed("あいう\u001b[3G\u001b[P");
        assertThat(term.rowText(0)).isEqualTo("あ う");
        term.feed("\u001b[1;2H\u001b[P");
        assertThat(term.rowText(0)).isEqualTo("  う");
    }

    @Test
    void erasingFromTheRightHalfOfAWideCharacterErasesAllOfIt() {
        Terminal term = new Terminal(10, 1);
        term.feed("えおか\u001b[4G\u001b[K");
        assertThat(term.rowText(0)).isEqualTo("え");
        term.feed("\r漢字\u001b[3G\u001b[1K");
        assertThat(term.rowText(0)).isEqualTo("");
    }

    @Test
    void combiningCharactersAttachToThePreviousCell() {
        Terminal term = new Terminal(10, 1);
        term.feed("e\u0301x");
        assertThat(term.cell(0, 0).text()).isEqualTo("e\u0301");
        assertThat(term.cell(0, 1).text()).isEqualTo("x");
        assertThat(term.rowText(0)).isEqualTo("e\u0301x");
    }

    @Test
    void combiningCharacterAfterAWideCharacterJoinsItsFirstCell() {
        Terminal term = new Terminal(10, 1);
        term.feed("漢\u3099");
        assertThat(term.cell(0, 0).text()).isEqualTo("漢\u3099");
    }

    @Test
    void combiningCharacterAtTheLastColumnJoinsThePendingWrapCell() {
        Terminal term = new Terminal(3, 2);
        term.feed("abc\u0308");
        assertThat(term.rowText(0)).isEqualTo("abc\u0308");
        assertThat(term.rowText(1)).isEmpty();
    }

    @Test
    void widthsFollowGlibc() {
        assertThat(CharWidth.of('a')).isEqualTo(1);
        assertThat(CharWidth.of(0x00AD)).isEqualTo(1);
        assertThat(CharWidth.of(0x0301)).isZero();
        assertThat(CharWidth.of(0x200B)).isZero();
        assertThat(CharWidth.of(0x1160)).isZero();
        assertThat(CharWidth.of(0x0600)).isEqualTo(1);
        assertThat(CharWidth.of('漢')).isEqualTo(2);
        assertThat(CharWidth.of(0xFF41)).isEqualTo(2);
        assertThat(CharWidth.of(0x1F44D)).isEqualTo(2);
        assertThat(CharWidth.of(0x2764)).isEqualTo(1);
        assertThat(CharWidth.of(0x4DC0)).isEqualTo(2);
        assertThat(CharWidth.of(0x20000)).isEqualTo(2);
    }

    @Test
    void utf8SplitAcrossFeedsIsReassembled() {
        Terminal term = new Terminal(10, 1);
        byte[] bytes = "ü漢".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            term.feed(new byte[] {b});
        }
        assertThat(term.rowText(0)).isEqualTo("ü漢");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        Terminal term = new Terminal(20, 1);
        term.feed(new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82, 'c', (byte) 0xC0, (byte) 0xAF,
            (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'd'});
        assertThat(term.rowText(0)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDd");
    }

    @Test
    void unfinishedSequenceBeforeTextFeedBecomesOneReplacementCharacter() {
        Terminal term = new Terminal(10, 1);
        term.feed(new byte[] {(byte) 0xE6, (byte) 0xBC});
        term.feed("z");
        assertThat(term.rowText(0)).isEqualTo("\uFFFDz");
    }
}
