package io.airlock.terminal;

/** The 94-character sets a program can designate into G0-G3 (ESC ( and friends). */
enum CharacterSet {
    /** ESC ( B. */
    ASCII,
    /** ESC ( A: only {@code #} differs, it becomes the pound sign. */
    UNITED_KINGDOM,
    /** ESC ( 0: the DEC Special Graphics set, which curses uses for line drawing. */
    DEC_SPECIAL_GRAPHICS;

    // DEC Special Graphics for 0x5F..0x7E, as listed in xterm's ctlseqs and the VT100 manual.
    private static final String SPECIAL_GRAPHICS =
            "\u00a0\u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1\u2424\u240b\u2518\u2510\u250c\u2514\u253c"
            + "\u23ba\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c\u2502\u2264\u2265\u03c0\u2260\u00a3\u00b7";

    static CharacterSet designatedBy(int finalChar) {
        return switch (finalChar) {
            case '0' -> DEC_SPECIAL_GRAPHICS;
            case 'A' -> UNITED_KINGDOM;
            default -> ASCII;
        };
    }

    int map(int codePoint) {
        return switch (this) {
            case ASCII -> codePoint;
            case UNITED_KINGDOM -> codePoint == '#' ? 0xA3 : codePoint;
            case DEC_SPECIAL_GRAPHICS -> codePoint >= 0x5F && codePoint <= 0x7E
                    ? SPECIAL_GRAPHICS.charAt(codePoint - 0x5F) : codePoint;
        };
    }
}
