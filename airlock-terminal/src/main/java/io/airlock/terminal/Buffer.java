package io.airlock.terminal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one screen (main or alternate). Scrolling moves {@link Line} objects rather than
 * copying cells; every line that changes position is marked dirty because it now sits on another row.
 */
final class Buffer {

    private Line[] lines;
    private int columns;
    private final Scrollback scrollback;
    /** Lines on their way out during one scroll, kept between scrolls so scrolling allocates nothing. */
    private Line[] spare = new Line[1];
    /**
     * Every row changed: set instead of marking each line, since fast output scrolls the whole screen at
     * every line feed and marking its lines one by one is then a good part of the cost.
     */
    private boolean wholeScreenDirty;

    Buffer(int columns, int rows, Scrollback scrollback) {
        this.columns = columns;
        this.lines = new Line[rows];
        this.scrollback = scrollback;
        for (int i = 0; i < rows; i++) {
            lines[i] = new Line(columns, Pen.DEFAULT);
        }
    }

    Line line(int row) {
        return lines[row];
    }

    int rows() {
        return lines.length;
    }

    Scrollback scrollback() {
        return scrollback;
    }

    /**
     * Scrolls rows {@code [top, bottom]} up by {@code count}. With {@code toHistory}, lines leaving a
     * region that starts at row 0 go to the scrollback, as in xterm, when this buffer has one.
     */
    void scrollUp(int top, int bottom, int count, Pen fill, boolean toHistory) {
        int n = Math.min(count, bottom - top + 1);
        if (n <= 0) {
            return;
        }
        // Lines that leave for good (dropped, or pushed out of a full scrollback) become the new blank rows.
        if (spare.length < n) {
            spare = new Line[n];
        }
        for (int i = 0; i < n; i++) {
            boolean kept = toHistory && top == 0 && scrollback != null;
            spare[i] = kept ? scrollback.push(lines[top + i]) : lines[top + i];
        }
        System.arraycopy(lines, top + n, lines, top, bottom - top + 1 - n);
        for (int i = 0, row = bottom - n + 1; row <= bottom; i++, row++) {
            Line reusable = spare[i];
            spare[i] = null;
            lines[row] = reusable != null && reusable.columns() == columns ? reusable.blank(fill)
                    : new Line(columns, fill);
        }
        markDirty(top, bottom);
    }

    /** Scrolls rows {@code [top, bottom]} down by {@code count}, blank lines appearing at the top. */
    void scrollDown(int top, int bottom, int count, Pen fill) {
        int n = Math.min(count, bottom - top + 1);
        if (n <= 0) {
            return;
        }
        System.arraycopy(lines, top, lines, top + n, bottom - top + 1 - n);
        for (int row = top; row < top + n; row++) {
            lines[row] = new Line(columns, fill);
        }
        markDirty(top, bottom);
    }

    void clear(Pen fill) {
        for (int row = 0; row < lines.length; row++) {
            lines[row] = new Line(columns, fill);
        }
    }

    void markDirty(int top, int bottom) {
        if (top == 0 && bottom == lines.length - 1) {
            wholeScreenDirty = true;
            return;
        }
        for (int row = top; row <= bottom; row++) {
            lines[row].markAllDirty();
        }
    }

    /** True once if every row changed since the last call (the lines' own marks then say less). */
    boolean takeWholeScreenDirty() {
        boolean dirty = wholeScreenDirty;
        wholeScreenDirty = false;
        return dirty;
    }

    int columns() {
        return columns;
    }

    /**
     * Changes the number of rows. When rows shrink, rows below {@code cursorRow} are dropped first and
     * then rows are pushed from the top into the scrollback, so the cursor's line stays on screen; when
     * rows grow, lines come back from the scrollback before blank rows are added at the bottom. This is
     * what xterm and tmux do.
     *
     * @return how many rows the content moved down (negative: up), for the cursor to follow
     */
    int resizeRows(int newRows, int cursorRow) {
        int oldRows = lines.length;
        if (newRows == oldRows) {
            return 0;
        }
        Line[] resized = new Line[newRows];
        int shift;
        if (newRows < oldRows) {
            int needed = oldRows - newRows;
            int belowCursor = Math.max(0, oldRows - 1 - cursorRow);
            int pushTop = needed - Math.min(needed, belowCursor);
            for (int row = 0; row < pushTop; row++) {
                if (scrollback != null) {
                    scrollback.push(lines[row]);
                }
            }
            System.arraycopy(lines, pushTop, resized, 0, newRows);
            shift = -pushTop;
        } else {
            int extra = newRows - oldRows;
            int restored = 0;
            Line[] back = new Line[extra];
            while (scrollback != null && restored < extra) {
                Line line = scrollback.popNewest();
                if (line == null) {
                    break;
                }
                line.resize(columns, Pen.DEFAULT);
                back[restored++] = line;
            }
            for (int i = 0; i < restored; i++) {
                resized[i] = back[restored - 1 - i];
            }
            System.arraycopy(lines, 0, resized, restored, oldRows);
            for (int row = restored + oldRows; row < newRows; row++) {
                resized[row] = new Line(columns, Pen.DEFAULT);
            }
            shift = restored;
        }
        lines = resized;
        markDirty(0, newRows - 1);
        return shift;
    }

    /** Cuts or pads every line to the new width, for the alternate screen, whose programs redraw anyway. */
    void truncate(int newColumns) {
        for (Line line : lines) {
            line.resize(newColumns, Pen.DEFAULT);
        }
        columns = newColumns;
        markDirty(0, lines.length - 1);
    }

    /**
     * Re-wraps scrollback and screen for the new width; the screen shows the last rows of the result,
     * padded with blank rows when there are too few.
     *
     * @return the cursor's new {row, column}
     */
    int[] reflow(int newColumns, int cursorRow, int cursorColumn) {
        List<Line> all = scrollback == null ? new ArrayList<>() : scrollback.drain();
        int history = all.size();
        all.addAll(Arrays.asList(lines));
        Reflow.Result result = Reflow.reflow(all, newColumns, history + cursorRow, cursorColumn);
        List<Line> reflowed = new ArrayList<>(result.lines());
        int rows = lines.length;
        while (reflowed.size() < rows) {
            reflowed.add(new Line(newColumns, Pen.DEFAULT));
        }
        int firstVisible = reflowed.size() - rows;
        for (int i = 0; i < firstVisible; i++) {
            if (scrollback != null) {
                scrollback.push(reflowed.get(i));
            }
        }
        for (int row = 0; row < rows; row++) {
            lines[row] = reflowed.get(firstVisible + row);
        }
        columns = newColumns;
        markDirty(0, rows - 1);
        return new int[] {result.cursorLine() - firstVisible, result.cursorColumn()};
    }
}
