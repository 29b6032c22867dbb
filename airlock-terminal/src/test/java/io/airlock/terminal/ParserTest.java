package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    /** Writes down what the parser recognised, one line per action. */
    private static final class ActionLog implements ParserActions {

        final List<String> entries = new ArrayList<>();

        @Override
        public void print(int codePoint) {
            entries.add("print " + Character.toString(codePoint));
        }

        @Override
        public void execute(int control) {
            entries.add("execute " + control);
        }

        @Override
        public void escDispatch(String intermediates, int finalChar) {
            entries.add("esc " + intermediates + (char) finalChar);
        }

        @Override
        public void csiDispatch(ControlSequence s) {
            entries.add("csi " + (s.prefix() == 0 ? "" : (char) s.prefix()) + Arrays.toString(s.params())
                    + " sub=" + Long.toBinaryString(s.subParameters()) + " " + s.intermediates() + (char) s.finalChar());
        }

        @Override
        public void oscDispatch(String data) {
            entries.add("osc " + data);
        }

        @Override
        public void dcsHook(ControlSequence s) {
            entries.add("dcs hook " + s.intermediates() + (char) s.finalChar());
        }

        @Override
        public void dcsPut(int codePoint) {
            entries.add("dcs put " + Character.toString(codePoint));
        }

        @Override
        public void dcsUnhook() {
            entries.add("dcs unhook");
        }
    }

    private static List<String> parse(String input) {
        ActionLog log = new ActionLog();
        Parser parser = new Parser(log);
        input.codePoints().forEach(parser::advance);
        return log.entries;
    }

    @Test
    void csiCollectsPrefixParametersAndIntermediates() {
        assertThat(parse("\u001b[?1049h")).containsExactly("csi ?[1049] sub=0 h");
        assertThat(parse("\u001b[;5H")).containsExactly("csi [0, 5] sub=0 H");
        assertThat(parse("\u001b[!p")).containsExactly("csi [] sub=0 !p");
        assertThat(parse("\u001b[m")).containsExactly("csi [] sub=0 m");
    }

    @Test
    void colonsMarkSubParameters() {
        assertThat(parse("\u001b[38:2::1:2:3m")).containsExactly("csi [38, 2, 0, 1, 2, 3] sub=111110 m");
    }

    @Test
    void privateMarkerAfterParametersSpoilsTheSequence() {
        assertThat(parse("\u001b[1?hx")).containsExactly("print x");
    }

    @Test
    void escapeSequencesCarryTheirIntermediates() {
        assertThat(parse("\u001b(0\u001b7\u001b#8")).containsExactly("esc (0", "esc 7", "esc #8");
    }

    @Test
    void oscEndsWithBelOrStringTerminator() {
        assertThat(parse("\u001b]0;a\u0007\u001b]2;b\u001b\\")).containsExactly("osc 0;a", "osc 2;b", "esc \\");
    }

    @Test
    void dcsPassesItsDataThrough() {
        assertThat(parse("\u001bP$qm\u001b\\")).containsExactly("dcs hook $q", "dcs put m", "dcs unhook", "esc \\");
    }

    @Test
    void escapeRestartsAnUnfinishedSequence() {
        assertThat(parse("\u001b[12\u001b[3Ax")).containsExactly("csi [3] sub=0 A", "print x");
    }

    @Test
    void deleteIsIgnoredEverywhere() {
        assertThat(parse("a\u007f\u001b[1\u007fA")).containsExactly("print a", "csi [1] sub=0 A");
    }

    @Test
    void printableUnicodePassesThroughGround() {
        assertThat(parse("é漢")).containsExactly("print é", "print 漢");
    }
}
