package io.airlock.terminal;

/** The ANSI and DEC private modes the screen honours or reports; plain flags, set by SM/RM and DECSET/DECRST. */
final class Modes {

    /** DECOM: cursor addressing relative to the scroll region. */
    boolean originMode;
    /** DECAWM. */
    boolean autoWrap;
    /** IRM: printing shifts the rest of the line right. */
    boolean insert;
    /** LNM: LF also returns the carriage. */
    boolean newLine;
    /** DECTCEM. */
    boolean cursorVisible;
    /** DECCKM: cursor keys send SS3 sequences; kept so a client can encode keys the same way. */
    boolean applicationCursorKeys;
    /** DECKPAM / DECKPNM. */
    boolean applicationKeypad;
    /** DECSCNM: the whole screen is drawn in reverse video. */
    boolean reverseVideo;
    /** Mode 2004. */
    boolean bracketedPaste;

    Modes() {
        reset();
    }

    void reset() {
        originMode = false;
        autoWrap = true;
        insert = false;
        newLine = false;
        cursorVisible = true;
        applicationCursorKeys = false;
        applicationKeypad = false;
        reverseVideo = false;
        bracketedPaste = false;
    }
}
