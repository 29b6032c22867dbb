package io.airlock.terminal;

/** A rendition attribute set by SGR. */
public enum Attribute {
    /** SGR 1. */
    BOLD,
    /** SGR 2. */
    FAINT,
    /** SGR 3. */
    ITALIC,
    /** SGR 4 (and 21, double underline, which is drawn the same way). */
    UNDERLINE,
    /** SGR 5 and 6. */
    BLINK,
    /** SGR 7: foreground and background swapped when drawn. */
    INVERSE,
    /** SGR 8: drawn in the background colour. */
    INVISIBLE,
    /** SGR 9. */
    STRIKETHROUGH;

    final int bit() {
        return 1 << ordinal();
    }
}
