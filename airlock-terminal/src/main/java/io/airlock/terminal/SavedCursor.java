package io.airlock.terminal;

/** What DECSC saves and DECRC restores. */
record SavedCursor(int row, int column, boolean pendingWrap, Pen pen, Charsets charsets, boolean originMode,
        boolean autoWrap) {
}
