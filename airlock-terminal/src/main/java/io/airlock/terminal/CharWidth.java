package io.airlock.terminal;

/**
 * How many cells a code point takes, matching glibc's wcwidth() so that the emulator lays text out the
 * way the programs inside the session expect. See {@link CharWidthTable} for the data's source.
 */
final class CharWidth {

    private CharWidth() {
    }

    /** Returns 0 for combining and format characters, 2 for wide ones and 1 otherwise. */
    static int of(int codePoint) {
        if (codePoint < 0x300) {
            // Latin text and C1 never reach the tables; U+00AD (soft hyphen) is width 1 in glibc.
            return 1;
        }
        if (inRanges(CharWidthTable.ZERO_WIDTH, codePoint)) {
            return 0;
        }
        return inRanges(CharWidthTable.DOUBLE_WIDTH, codePoint) ? 2 : 1;
    }

    private static boolean inRanges(int[] ranges, int codePoint) {
        int low = 0;
        int high = ranges.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < ranges[2 * middle]) {
                high = middle - 1;
            } else if (codePoint > ranges[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
