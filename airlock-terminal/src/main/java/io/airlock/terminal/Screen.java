package io.airlock.terminal;

/**
 * The terminal's state and the operations control functions perform on it: cursor, pen, scroll
 * region, tab stops, modes, and the main and alternate buffers. Coordinates are zero-based here;
 * translating the one-based parameters of control sequences is the interpreter's job.
 *
 * <p>The cursor's pending-wrap flag implements the DEC last-column rule: printing into the last column
 * leaves the cursor there, and only the next printable character wraps to a new line.
 */
final class Screen {

    private int columns;
    private int rows;
    private final Buffer main;
    private final Buffer alternate;
    private Buffer active;
    private final TabStops tabs;
    private final Modes modes = new Modes();
    private Charsets charsets = new Charsets();

    private int row;
    private int column;
    private boolean pendingWrap;
    private Pen pen = Pen.DEFAULT;
    private int top;
    private int bottom;
    private int lastPrinted = -1;
    private SavedCursor savedMain;
    private SavedCursor savedAlternate;

    Screen(int columns, int rows, int scrollbackLines) {
        this.columns = columns;
        this.rows = rows;
        this.main = new Buffer(columns, rows, new Scrollback(scrollbackLines));
        this.alternate = new Buffer(columns, rows, null);
        this.active = main;
        this.tabs = new TabStops(columns);
        this.bottom = rows - 1;
    }

    // ---- queries ----

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int row() {
        return row;
    }

    int column() {
        return column;
    }

    Modes modes() {
        return modes;
    }

    Pen pen() {
        return pen;
    }

    Line line(int row) {
        return active.line(row);
    }

    boolean alternateActive() {
        return active == alternate;
    }

    Scrollback scrollback() {
        return main.scrollback();
    }

    /** The cursor row as DSR reports it: relative to the scroll region in origin mode. */
    int reportedRow() {
        return modes.originMode ? row - top : row;
    }

    /** See {@link Buffer#takeWholeScreenDirty()}; of the buffer shown now. */
    boolean takeWholeScreenDirty() {
        return active.takeWholeScreenDirty();
    }

    // ---- printing ----

    void print(int codePoint) {
        put(charsets.map(codePoint));
    }

    /** Writes a character that has already been through the character set mapping. */
    private void put(int mapped) {
        int width = CharWidth.of(mapped);
        if (width == 0) {
            combine(mapped);
            return;
        }
        if (width > columns) {
            return;
        }
        if (pendingWrap && modes.autoWrap) {
            wrap();
        }
        if (column + width > columns) {
            if (modes.autoWrap) {
                wrap();
            } else {
                column = columns - width;
            }
        }
        Line line = active.line(row);
        if (modes.insert) {
            line.insertBlanks(column, width, pen.erasing());
        }
        clearWideOverlap(line, column, width);
        line.set(column, mapped, pen);
        if (width == 2) {
            line.set(column + 1, Line.WIDE_TAIL, pen);
        }
        lastPrinted = mapped;
        column += width;
        pendingWrap = false;
        if (column >= columns) {
            column = columns - 1;
            pendingWrap = modes.autoWrap;
        }
    }

    /**
     * Prints printable ASCII (0x20-0x7E) as {@link #print} would, a character at a time, but writes each
     * stretch up to the right margin in one go. Other character sets, insert mode and writing without
     * auto-wrap take the character-by-character path.
     */
    void printAscii(char[] text, int from, int to) {
        if (from >= to) {
            return;
        }
        if (!charsets.plainAscii() || modes.insert || !modes.autoWrap) {
            for (int i = from; i < to; i++) {
                print(text[i]);
            }
            return;
        }
        int i = from;
        while (i < to) {
            if (pendingWrap) {
                wrap();
            }
            int n = Math.min(to - i, columns - column);
            Line line = active.line(row);
            clearWideOverlap(line, column, n);
            line.setAscii(column, text, i, n, pen);
            i += n;
            column += n;
            if (column >= columns) {
                column = columns - 1;
                pendingWrap = true;
            }
        }
        lastPrinted = text[to - 1];
    }

    /** REP: prints the last graphic character again, at most one screenful of times. */
    void repeatLast(int count) {
        if (lastPrinted < 0) {
            return;
        }
        int n = Math.min(count, columns * rows);
        for (int i = 0; i < n; i++) {
            put(lastPrinted);
        }
    }

    /** A combining character joins the cell just written, which is left of the cursor unless a wrap is pending. */
    private void combine(int codePoint) {
        int target = pendingWrap ? column : column - 1;
        if (target < 0) {
            return;
        }
        Line line = active.line(row);
        if (line.code(target) == Line.WIDE_TAIL && target > 0) {
            target--;
        }
        line.addCombining(target, codePoint);
    }

    /** Writing over half of a wide character blanks its other half, which cannot stand alone. */
    private void clearWideOverlap(Line line, int at, int width) {
        Pen blank = Pen.DEFAULT;
        if (line.code(at) == Line.WIDE_TAIL && at > 0) {
            line.erase(at - 1, at, blank);
        }
        int end = at + width;
        if (end < columns && line.code(end) == Line.WIDE_TAIL) {
            line.erase(end, end + 1, blank);
        }
    }

    private void wrap() {
        active.line(row).setWrapped(true);
        index();
        column = 0;
        pendingWrap = false;
    }

    // ---- C0 controls and simple motions ----

    void carriageReturn() {
        column = 0;
        pendingWrap = false;
    }

    void lineFeed() {
        index();
        if (modes.newLine) {
            column = 0;
        }
    }

    void backspace() {
        if (pendingWrap) {
            pendingWrap = false;
        }
        column = Math.max(0, column - 1);
    }

    void tab(int count) {
        if (pendingWrap) {
            return;
        }
        for (int i = 0; i < count && column < columns - 1; i++) {
            column = tabs.next(column);
        }
    }

    void backTab(int count) {
        pendingWrap = false;
        for (int i = 0; i < count && column > 0; i++) {
            column = tabs.previous(column);
        }
    }

    void setTabStop() {
        tabs.set(column);
    }

    void clearTabStop(boolean all) {
        if (all) {
            tabs.clearAll();
        } else {
            tabs.clear(column);
        }
    }

    /** IND: down one line, scrolling the region when at its bottom margin. */
    void index() {
        pendingWrap = false;
        if (row == bottom) {
            active.scrollUp(top, bottom, 1, pen.erasing(), true);
        } else if (row < rows - 1) {
            row++;
        }
    }

    /** RI: up one line, scrolling the region down when at its top margin. */
    void reverseIndex() {
        pendingWrap = false;
        if (row == top) {
            active.scrollDown(top, bottom, 1, pen.erasing());
        } else if (row > 0) {
            row--;
        }
    }

    void nextLine() {
        index();
        column = 0;
    }

    // ---- cursor positioning ----

    void cursorUp(int count) {
        int limit = row >= top ? top : 0;
        row = Math.max(limit, row - count);
        pendingWrap = false;
    }

    void cursorDown(int count) {
        int limit = row <= bottom ? bottom : rows - 1;
        row = Math.min(limit, row + count);
        pendingWrap = false;
    }

    void cursorForward(int count) {
        column = Math.min(columns - 1, column + count);
        pendingWrap = false;
    }

    void cursorBackward(int count) {
        column = Math.max(0, column - count);
        pendingWrap = false;
    }

    /** CUP: zero-based, relative to the scroll region in origin mode. */
    void moveTo(int newRow, int newColumn) {
        setRow(newRow);
        setColumn(newColumn);
    }

    void setColumn(int newColumn) {
        column = clamp(newColumn, 0, columns - 1);
        pendingWrap = false;
    }

    void setRow(int newRow) {
        if (modes.originMode) {
            row = clamp(top + newRow, top, bottom);
        } else {
            row = clamp(newRow, 0, rows - 1);
        }
        pendingWrap = false;
    }

    // ---- erasing and editing ----

    /** ED: 0 below, 1 above, 2 all, 3 scrollback. */
    void eraseInDisplay(int mode) {
        Pen blank = pen.erasing();
        switch (mode) {
            case 0 -> {
                eraseLine(row, column, columns, blank);
                for (int r = row + 1; r < rows; r++) {
                    eraseLine(r, 0, columns, blank);
                }
            }
            case 1 -> {
                for (int r = 0; r < row; r++) {
                    eraseLine(r, 0, columns, blank);
                }
                eraseLine(row, 0, column + 1, blank);
            }
            case 2 -> {
                for (int r = 0; r < rows; r++) {
                    eraseLine(r, 0, columns, blank);
                }
            }
            case 3 -> main.scrollback().clear();
            default -> {
                // Unknown selectors are ignored, as xterm does.
            }
        }
    }

    /** EL: 0 right of the cursor, 1 left of it, 2 the whole line. */
    void eraseInLine(int mode) {
        Pen blank = pen.erasing();
        switch (mode) {
            case 0 -> eraseLine(row, column, columns, blank);
            case 1 -> eraseLine(row, 0, column + 1, blank);
            case 2 -> eraseLine(row, 0, columns, blank);
            default -> {
                // Unknown selectors are ignored, as xterm does.
            }
        }
    }

    /** ECH: blanks cells from the cursor without moving anything. */
    void eraseCharacters(int count) {
        eraseLine(row, column, column + Math.min(count, columns - column), pen.erasing());
    }

    private void eraseLine(int r, int from, int to, Pen blank) {
        Line line = active.line(r);
        // Half a wide character would be left behind at either edge of the erased span.
        int start = from > 0 && from < columns && line.code(from) == Line.WIDE_TAIL ? from - 1 : from;
        int end = to < columns && to > 0 && line.code(to) == Line.WIDE_TAIL ? to + 1 : to;
        line.erase(start, end, blank);
        if (end >= columns) {
            line.setWrapped(false);
        }
    }

    void insertCharacters(int count) {
        Line line = active.line(row);
        clearWideOverlap(line, column, 0);
        line.insertBlanks(column, count, pen.erasing());
        fixCutWideCharacter(line);
        pendingWrap = false;
    }

    void deleteCharacters(int count) {
        Line line = active.line(row);
        clearWideOverlap(line, column, Math.min(count, columns - column));
        line.deleteCells(column, count, pen.erasing());
        pendingWrap = false;
    }

    /** A wide character pushed against the right edge loses its right half; blank the orphaned left half. */
    private void fixCutWideCharacter(Line line) {
        int last = columns - 1;
        if (line.code(last) > 0 && CharWidth.of(line.code(last)) == 2) {
            line.erase(last, columns, pen.erasing());
        }
    }

    /** IL: only inside the scroll region; the cursor returns to the left margin. */
    void insertLines(int count) {
        if (row < top || row > bottom) {
            return;
        }
        active.scrollDown(row, bottom, count, pen.erasing());
        column = 0;
        pendingWrap = false;
    }

    void deleteLines(int count) {
        if (row < top || row > bottom) {
            return;
        }
        // Deleted lines are gone, not scrolled: they never reach the scrollback.
        active.scrollUp(row, bottom, count, pen.erasing(), false);
        column = 0;
        pendingWrap = false;
    }

    /** SU. */
    void scrollUp(int count) {
        active.scrollUp(top, bottom, count, pen.erasing(), true);
    }

    /** SD. */
    void scrollDown(int count) {
        active.scrollDown(top, bottom, count, pen.erasing());
    }

    /** DECSTBM with zero-based inclusive margins; an empty or inverted region is ignored. */
    void setScrollRegion(int newTop, int newBottom) {
        int t = clamp(newTop, 0, rows - 1);
        int b = clamp(newBottom, 0, rows - 1);
        if (t >= b) {
            return;
        }
        top = t;
        bottom = b;
        moveTo(0, 0);
    }

    /** DECALN: fills the screen with E, a VT100 alignment test that some test suites still send. */
    void alignmentTest() {
        top = 0;
        bottom = rows - 1;
        for (int r = 0; r < rows; r++) {
            Line line = active.line(r);
            for (int c = 0; c < columns; c++) {
                line.set(c, 'E', Pen.DEFAULT);
            }
        }
        row = 0;
        column = 0;
        pendingWrap = false;
    }

    // ---- rendition and character sets ----

    void setPen(Pen newPen) {
        pen = newPen;
    }

    void designate(int slot, CharacterSet set) {
        charsets.designate(slot, set);
    }

    void shift(int slot) {
        charsets.shift(slot);
    }

    void singleShift(int slot) {
        charsets.singleShift(slot);
    }

    // ---- save, restore, alternate screen ----

    void saveCursor() {
        SavedCursor saved = new SavedCursor(row, column, pendingWrap, pen, new Charsets(charsets),
                modes.originMode, modes.autoWrap);
        if (active == main) {
            savedMain = saved;
        } else {
            savedAlternate = saved;
        }
    }

    void restoreCursor() {
        SavedCursor saved = active == main ? savedMain : savedAlternate;
        if (saved == null) {
            // DECRC without DECSC homes the cursor and resets the rendition, as xterm does.
            saved = new SavedCursor(0, 0, false, Pen.DEFAULT, new Charsets(), false, modes.autoWrap);
        }
        row = Math.min(saved.row(), active.rows() - 1);
        column = Math.min(saved.column(), active.columns() - 1);
        pendingWrap = saved.pendingWrap() && saved.column() == active.columns() - 1;
        pen = saved.pen();
        charsets = new Charsets(saved.charsets());
        modes.originMode = saved.originMode();
        modes.autoWrap = saved.autoWrap();
    }

    /** Switches to the alternate screen; {@code clear} empties it first (1047, 1049). */
    void enterAlternate(boolean clear) {
        if (active == alternate) {
            return;
        }
        active = alternate;
        if (alternate.rows() != rows || alternate.columns() != columns) {
            // The alternate screen missed resizes while the main screen showed: it takes the current size.
            alternate.resizeRows(rows, 0);
            alternate.truncate(columns);
        }
        if (clear) {
            alternate.clear(pen.erasing());
        }
        alternate.markDirty(0, rows - 1);
    }

    /**
     * Back to the main screen; {@code clear} empties the alternate screen on the way out (1047),
     * {@code restoreCursor} restores the cursor saved on entry (1049). A main screen that missed a
     * resize meanwhile is resized now, with the restored cursor.
     */
    void leaveAlternate(boolean clear, boolean restoreCursor) {
        if (active == main) {
            if (restoreCursor) {
                restoreCursor();
            }
            return;
        }
        if (clear) {
            alternate.clear(pen.erasing());
        }
        active = main;
        if (restoreCursor) {
            restoreCursor();
        } else {
            row = Math.min(row, main.rows() - 1);
            column = Math.min(column, main.columns() - 1);
        }
        if (main.columns() != columns || main.rows() != rows) {
            resizeMain(columns, rows);
        }
        main.markDirty(0, rows - 1);
    }

    // ---- resets and resize ----

    /** RIS: everything back to power-on state, except the scrollback an auditor may still want. */
    void reset() {
        active = main;
        main.clear(Pen.DEFAULT);
        alternate.clear(Pen.DEFAULT);
        softReset();
        modes.reset();
        tabs.reset();
        savedMain = null;
        savedAlternate = null;
        row = 0;
        column = 0;
        lastPrinted = -1;
    }

    /**
     * DECSTR. The VT510 manual turns auto-wrap off here, but xterm keeps it on and programs written for
     * xterm expect that, so we follow xterm.
     */
    void softReset() {
        modes.cursorVisible = true;
        modes.insert = false;
        modes.originMode = false;
        modes.autoWrap = true;
        modes.applicationCursorKeys = false;
        modes.applicationKeypad = false;
        top = 0;
        bottom = rows - 1;
        pen = Pen.DEFAULT;
        charsets = new Charsets();
        pendingWrap = false;
        SavedCursor home = new SavedCursor(0, 0, false, Pen.DEFAULT, new Charsets(), false, true);
        if (active == main) {
            savedMain = home;
        } else {
            savedAlternate = home;
        }
    }

    /**
     * Rows change first, keeping the cursor's line on screen; then the main screen and its scrollback
     * are re-wrapped for the new width. While the alternate screen shows, only it is resized (cut, not
     * re-wrapped: full-screen programs redraw) and the main screen follows when it comes back, which
     * is the order tmux uses.
     */
    void resize(int newColumns, int newRows) {
        if (active == main) {
            resizeMain(newColumns, newRows);
            savedMain = fitted(savedMain, newColumns, newRows);
        } else {
            int shift = alternate.resizeRows(newRows, row);
            alternate.truncate(newColumns);
            row = clamp(row + shift, 0, newRows - 1);
            column = clamp(column, 0, newColumns - 1);
            savedAlternate = fitted(savedAlternate, newColumns, newRows);
        }
        tabs.resize(newColumns);
        columns = newColumns;
        rows = newRows;
        pendingWrap = false;
        top = 0;
        bottom = rows - 1;
    }

    private void resizeMain(int newColumns, int newRows) {
        int shift = main.resizeRows(newRows, row);
        row = clamp(row + shift, 0, newRows - 1);
        if (newColumns != main.columns()) {
            int[] cursor = main.reflow(newColumns, row, pendingWrap ? column + 1 : column);
            row = cursor[0];
            column = cursor[1];
        }
        row = clamp(row, 0, newRows - 1);
        column = clamp(column, 0, newColumns - 1);
        pendingWrap = false;
    }

    private static SavedCursor fitted(SavedCursor saved, int newColumns, int newRows) {
        if (saved == null) {
            return null;
        }
        return new SavedCursor(clamp(saved.row(), 0, newRows - 1), clamp(saved.column(), 0, newColumns - 1),
                false, saved.pen(), saved.charsets(), saved.originMode(), saved.autoWrap());
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
