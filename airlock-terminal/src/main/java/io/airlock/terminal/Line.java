package io.airlock.terminal;

import java.util.Arrays;

/**
 * One row of cells. A cell is a code point (0 for never written, {@link #WIDE_TAIL} for the right half
 * of a wide character), optional combining characters and a pen. The line remembers which of its
 * cells changed so a renderer can redraw only those.
 */
final class Line {

    static final int BLANK = 0;
    static final int WIDE_TAIL = -1;

    /** Combining marks beyond this many per cell are dropped, so hostile input cannot grow a cell. */
    private static final int MAX_COMBINING_CHARS = 8;

    private int[] codes;
    private Pen[] pens;
    /**
     * The pen every cell has, or null when they differ (or might: pens are compared by identity). Storing
     * references into a long-lived line is what costs most when output scrolls fast; a line written and
     * blanked with one pen, as most are, skips those stores.
     */
    private Pen uniform;
    private String[] combining;
    private boolean wrapped;
    /** Cells in use from the left: what reflow carries over; blanks beyond it are padding. */
    private int used;
    private int dirtyFrom;
    private int dirtyTo;

    Line(int columns, Pen fill) {
        codes = new int[columns];
        pens = new Pen[columns];
        Arrays.fill(pens, fill);
        uniform = fill;
        used = fill.equals(Pen.DEFAULT) ? 0 : columns;
        markAllDirty();
    }

    /**
     * Makes this line blank again, as {@code new Line(columns(), fill)} would be: a line that left the
     * screen and the scrollback is reused for the next blank row, so a fast scroll allocates nothing.
     */
    Line blank(Pen fill) {
        Arrays.fill(codes, BLANK);
        if (uniform != fill) {
            Arrays.fill(pens, fill);
            uniform = fill;
        }
        combining = null;
        wrapped = false;
        used = fill.equals(Pen.DEFAULT) ? 0 : codes.length;
        markAllDirty();
        return this;
    }

    int columns() {
        return codes.length;
    }

    int code(int column) {
        return codes[column];
    }

    Pen pen(int column) {
        return pens[column];
    }

    String combining(int column) {
        return combining == null || combining[column] == null ? "" : combining[column];
    }

    boolean wrapped() {
        return wrapped;
    }

    void setWrapped(boolean wrapped) {
        this.wrapped = wrapped;
    }

    int used() {
        return used;
    }

    void set(int column, int code, Pen pen) {
        used = Math.max(used, column + 1);
        codes[column] = code;
        pens[column] = pen;
        if (pen != uniform) {
            uniform = null;
        }
        if (combining != null) {
            combining[column] = null;
        }
        markDirty(column, column + 1);
    }

    /** Writes {@code n} ASCII characters from {@code text[from]} at {@code column}, as {@link #set} would one by one. */
    void setAscii(int column, char[] text, int from, int n, Pen pen) {
        int end = column + n;
        used = Math.max(used, end);
        for (int i = 0; i < n; i++) {
            codes[column + i] = text[from + i];
        }
        fillPens(column, end, pen);
        if (combining != null) {
            Arrays.fill(combining, column, end, null);
        }
        markDirty(column, end);
    }

    void addCombining(int column, int codePoint) {
        if (combining == null) {
            combining = new String[codes.length];
        }
        String existing = combining[column] == null ? "" : combining[column];
        if (existing.codePointCount(0, existing.length()) < MAX_COMBINING_CHARS) {
            combining[column] = existing + Character.toString(codePoint);
            markDirty(column, column + 1);
        }
    }

    /** Blanks {@code [from, to)} with the given pen. */
    void erase(int from, int to, Pen pen) {
        int start = Math.max(0, from);
        int end = Math.min(codes.length, to);
        if (start >= end) {
            return;
        }
        Arrays.fill(codes, start, end, BLANK);
        fillPens(start, end, pen);
        if (!pen.equals(Pen.DEFAULT)) {
            // A coloured blank is content the operator sees.
            used = Math.max(used, end);
        } else if (end >= used) {
            used = Math.min(used, start);
        }
        if (combining != null) {
            Arrays.fill(combining, start, end, null);
        }
        markDirty(start, end);
    }

    /** Shifts {@code [column, end)} right by {@code count}, dropping what falls off, blanking the gap. */
    void insertBlanks(int column, int count, Pen pen) {
        int n = Math.min(count, codes.length - column);
        if (n <= 0) {
            return;
        }
        if (used > column) {
            used = Math.min(codes.length, used + n);
        }
        System.arraycopy(codes, column, codes, column + n, codes.length - column - n);
        System.arraycopy(pens, column, pens, column + n, codes.length - column - n);
        if (combining != null) {
            System.arraycopy(combining, column, combining, column + n, codes.length - column - n);
        }
        erase(column, column + n, pen);
        markDirty(column, codes.length);
    }

    /** Removes {@code count} cells at {@code column}, pulling the rest left and blanking the end. */
    void deleteCells(int column, int count, Pen pen) {
        int n = Math.min(count, codes.length - column);
        if (n <= 0) {
            return;
        }
        int keptUsed = used > column ? Math.max(column, used - n) : used;
        System.arraycopy(codes, column + n, codes, column, codes.length - column - n);
        System.arraycopy(pens, column + n, pens, column, codes.length - column - n);
        if (combining != null) {
            System.arraycopy(combining, column + n, combining, column, codes.length - column - n);
        }
        erase(codes.length - n, codes.length, pen);
        used = Math.max(keptUsed, pen.equals(Pen.DEFAULT) ? 0 : codes.length);
        markDirty(column, codes.length);
    }

    /** Copies one cell, with its pen and combining characters, from another line. */
    void copyCell(Line source, int sourceColumn, int column) {
        set(column, source.codes[sourceColumn], source.pens[sourceColumn]);
        String marks = source.combining(sourceColumn);
        if (!marks.isEmpty()) {
            if (combining == null) {
                combining = new String[codes.length];
            }
            combining[column] = marks;
        }
    }

    /** Changes the width without reflowing; a wide character cut in half at the new edge is blanked. */
    void resize(int columns, Pen fill) {
        int old = codes.length;
        codes = Arrays.copyOf(codes, columns);
        pens = Arrays.copyOf(pens, columns);
        if (combining != null) {
            combining = Arrays.copyOf(combining, columns);
        }
        used = Math.min(used, columns);
        if (columns > old) {
            Arrays.fill(pens, old, columns, fill); // the new cells are empty, whatever the old ones hold
            if (fill != uniform) {
                uniform = null;
            }
        } else if (columns > 0 && columns < old && codes[columns - 1] > 0
                && CharWidth.of(codes[columns - 1]) == 2) {
            erase(columns - 1, columns, fill);
        }
        markAllDirty();
    }

    private void fillPens(int from, int to, Pen pen) {
        if (pen == uniform) {
            return;
        }
        Arrays.fill(pens, from, to, pen);
        uniform = from == 0 && to == pens.length ? pen : null;
    }

    /** The text of the row with trailing blanks removed, wide characters once, combining marks kept. */
    String text() {
        StringBuilder text = new StringBuilder(codes.length);
        int keep = 0;
        for (int column = 0; column < codes.length; column++) {
            int code = codes[column];
            if (code == WIDE_TAIL) {
                continue;
            }
            text.appendCodePoint(code == BLANK ? ' ' : code);
            text.append(combining(column));
            if (code != BLANK && code != ' ' || !combining(column).isEmpty()) {
                keep = text.length();
            }
        }
        text.setLength(keep);
        return text.toString();
    }

    void markDirty(int from, int to) {
        if (dirtyFrom >= dirtyTo) {
            dirtyFrom = from;
            dirtyTo = to;
        } else {
            dirtyFrom = Math.min(dirtyFrom, from);
            dirtyTo = Math.max(dirtyTo, to);
        }
    }

    void markAllDirty() {
        dirtyFrom = 0;
        dirtyTo = codes.length;
    }

    int dirtyFrom() {
        return dirtyFrom;
    }

    int dirtyTo() {
        return dirtyTo;
    }

    void clearDirty() {
        dirtyFrom = 0;
        dirtyTo = 0;
    }
}
