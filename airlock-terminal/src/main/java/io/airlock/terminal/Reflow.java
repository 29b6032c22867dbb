package io.airlock.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-wraps lines for a new width, the way tmux and xterm.js do: a run of lines joined by soft wraps is
 * one logical line, which is cut again at the new width. Hard line ends stay where they are. The
 * cursor keeps its place in the text.
 */
final class Reflow {

    /** The re-wrapped lines, and the cursor as an index into them. */
    record Result(List<Line> lines, int cursorLine, int cursorColumn) {
    }

    private Reflow() {
    }

    /**
     * Re-wraps {@code lines} for {@code width} columns.
     *
     * @param lines all lines, oldest first; short lines with hard ends are reused, the rest rebuilt
     * @param width the new width
     * @param cursorLine the cursor's index into {@code lines}
     * @param cursorColumn the cursor's column; one past the last column while a wrap is pending
     */
    static Result reflow(List<Line> lines, int width, int cursorLine, int cursorColumn) {
        List<Line> out = new ArrayList<>(lines.size());
        int newCursorLine = 0;
        int newCursorColumn = 0;
        int i = 0;
        while (i < lines.size()) {
            int start = i;
            while (lines.get(i).wrapped() && i + 1 < lines.size()) {
                i++;
            }
            int end = i++;
            boolean cursorHere = cursorLine >= start && cursorLine <= end;
            Line only = lines.get(start);
            if (start == end && only.used() <= width) {
                // The common case: a short line with a hard end only changes its padding.
                only.resize(width, Pen.DEFAULT);
                only.setWrapped(false);
                if (cursorHere) {
                    newCursorLine = out.size();
                    newCursorColumn = Math.min(cursorColumn, width - 1);
                }
                out.add(only);
                continue;
            }
            int cursorOffset = -1;
            int offset = 0;
            for (int p = start; p <= end; p++) {
                if (p == cursorLine) {
                    cursorOffset = offset + cursorColumn;
                }
                offset += lines.get(p).used();
            }
            Placed placed = split(lines, start, end, width, cursorOffset, out);
            if (cursorHere) {
                newCursorLine = placed.line();
                newCursorColumn = placed.column();
            }
        }
        return new Result(out, newCursorLine, newCursorColumn);
    }

    private record Placed(int line, int column) {
    }

    /** Cuts the logical line made of {@code lines[start..end]} into {@code out}; returns where the cursor went. */
    private static Placed split(List<Line> lines, int start, int end, int width, int cursorOffset, List<Line> out) {
        Line current = new Line(width, Pen.DEFAULT);
        int x = 0;
        int logical = 0;
        Placed cursor = null;
        for (int p = start; p <= end; p++) {
            Line source = lines.get(p);
            for (int c = 0; c < source.used(); c++) {
                int code = source.code(c);
                if (code == Line.WIDE_TAIL) {
                    continue;
                }
                int cells = code > 0 && CharWidth.of(code) == 2 ? 2 : 1;
                if (cells > width) {
                    logical += cells;
                    continue;
                }
                if (x + cells > width) {
                    current.setWrapped(true);
                    out.add(current);
                    current = new Line(width, Pen.DEFAULT);
                    x = 0;
                }
                if (cursor == null && cursorOffset >= logical && cursorOffset < logical + cells) {
                    cursor = new Placed(out.size(), x);
                }
                current.copyCell(source, c, x);
                if (cells == 2 && c + 1 < source.columns()) {
                    current.copyCell(source, c + 1, x + 1);
                }
                x += cells;
                logical += cells;
            }
        }
        out.add(current);
        if (cursor == null) {
            // Past the text: keep the distance from its end, on its last line, as tmux does.
            int column = cursorOffset < 0 ? 0 : x + Math.max(0, cursorOffset - logical);
            cursor = new Placed(out.size() - 1, Math.min(column, width - 1));
        }
        return cursor;
    }
}
