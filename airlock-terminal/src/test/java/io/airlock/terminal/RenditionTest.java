package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenditionTest {

    private static Cell firstCellAfter(String output) {
        Terminal term = new Terminal(10, 1);
        term.feed(output + "x");
        return term.cell(0, 0);
    }

    @Test
    void attributesAreSetAndResetIndividually() {
        Cell cell = firstCellAfter("\u001b[1;2;3;4;5;7;8;9m");
        assertThat(cell.attributes()).containsExactlyInAnyOrder(Attribute.values());
        cell = firstCellAfter("\u001b[1;2;3;4;5;7;8;9m\u001b[22;23;24;25;27;28;29m");
        assertThat(cell.attributes()).isEmpty();
        cell = firstCellAfter("\u001b[1;4m\u001b[m");
        assertThat(cell.attributes()).isEmpty();
    }

    @Test
    void underlineStyleZeroTurnsUnderlineOff() {
        assertThat(firstCellAfter("\u001b[4m\u001b[4:0m").has(Attribute.UNDERLINE)).isFalse();
        assertThat(firstCellAfter("\u001b[4:3m").has(Attribute.UNDERLINE)).isTrue();
    }

    @Test
    void sixteenColoursMapToPaletteIndexes() {
        Cell cell = firstCellAfter("\u001b[31;42m");
        assertThat(cell.foreground()).isEqualTo(Color.indexed(1));
        assertThat(cell.background()).isEqualTo(Color.indexed(2));
        cell = firstCellAfter("\u001b[97;101m");
        assertThat(cell.foreground()).isEqualTo(Color.indexed(15));
        assertThat(cell.background()).isEqualTo(Color.indexed(9));
        cell = firstCellAfter("\u001b[31;42m\u001b[39;49m");
        assertThat(cell.foreground()).isEqualTo(Color.DEFAULT);
        assertThat(cell.background()).isEqualTo(Color.DEFAULT);
    }

    @Test
    void indexedColoursWorkWithSemicolonsAndColons() {
        assertThat(firstCellAfter("\u001b[38;5;208m").foreground()).isEqualTo(Color.indexed(208));
        assertThat(firstCellAfter("\u001b[48:5:17m").background()).isEqualTo(Color.indexed(17));
    }

    @Test
    void trueColoursWorkInAllThreeSpellings() {
        assertThat(firstCellAfter("\u001b[38;2;10;20;30m").foreground()).isEqualTo(Color.rgb(10, 20, 30));
        assertThat(firstCellAfter("\u001b[38:2::10:20:30m").foreground()).isEqualTo(Color.rgb(10, 20, 30));
        assertThat(firstCellAfter("\u001b[48:2:10:20:30m").background()).isEqualTo(Color.rgb(10, 20, 30));
    }

    @Test
    void parametersAfterAnExtendedColourStillApply() {
        Cell cell = firstCellAfter("\u001b[38;2;1;2;3;1;48;5;4m");
        assertThat(cell.foreground()).isEqualTo(Color.rgb(1, 2, 3));
        assertThat(cell.has(Attribute.BOLD)).isTrue();
        assertThat(cell.background()).isEqualTo(Color.indexed(4));
        cell = firstCellAfter("\u001b[58:2::1:2:3;4m");
        assertThat(cell.foreground()).isEqualTo(Color.DEFAULT);
        assertThat(cell.has(Attribute.UNDERLINE)).isTrue();
    }

    @Test
    void truncatedExtendedColourIsIgnored() {
        Cell cell = firstCellAfter("\u001b[31m\u001b[38;2;1m");
        assertThat(cell.foreground()).isEqualTo(Color.indexed(1));
    }

    @Test
    void decSpecialGraphicsDrawsLinesThroughG0AndShiftOut() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b(0lqk\u001b(B q\r\n\u001b)0\u000elqk\u000fq");
        assertThat(term.rowText(0)).isEqualTo("┌─┐ q");
        assertThat(term.rowText(1)).isEqualTo("┌─┐q");
    }

    @Test
    void ukCharacterSetReplacesTheHashSign() {
        Terminal term = new Terminal(10, 1);
        term.feed("\u001b(A#\u001b(B#");
        assertThat(term.rowText(0)).isEqualTo("£#");
    }
}
