package io.airlock.terminal;

/**
 * What the parser recognised, named after the actions of the DEC ANSI parser state machine
 * (vt100.net/emu/dec_ansi_parser). The parser knows syntax only; meaning lives behind this interface.
 */
interface ParserActions {

    /** A graphic character to display. */
    void print(int codePoint);

    /**
     * A run of printable ASCII (0x20-0x7E) in the ground state, each character as {@link #print} would
     * take it: dense output is mostly such runs, and taking them whole saves a call per character.
     */
    default void printAscii(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            print(text[i]);
        }
    }

    /** A C0 or C1 control function. */
    void execute(int control);

    /** An escape sequence: ESC, intermediates (0x20-0x2F), final character. */
    void escDispatch(String intermediates, int finalChar);

    /** A control sequence introduced by CSI. */
    void csiDispatch(ControlSequence sequence);

    /** An operating system command, without its introducer and terminator. */
    void oscDispatch(String data);

    /** Start of a device control string; its data follows through {@link #dcsPut}. */
    default void dcsHook(ControlSequence sequence) {
    }

    /** One character of a device control string. */
    default void dcsPut(int codePoint) {
    }

    /** End of a device control string. */
    default void dcsUnhook() {
    }
}
