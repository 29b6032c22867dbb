package io.airlock.terminal;

import java.util.Arrays;
import java.util.List;

/**
 * Draws a terminal's cells into an RGB frame, redrawing only the cells that changed since the previous
 * frame (and the cells the cursor left and entered). At the default 8x20 pixel cells an 80x24 terminal
 * makes a 640x480 frame, the size of the recording videos.
 *
 * <p>The renderer consumes the terminal's dirty-cell tracking, so it must be the only caller of
 * {@link Terminal#takeDirtySpans()} for that terminal. Not thread-safe.
 */
public final class CellRenderer {

    /** Default cell width in pixels. */
    public static final int DEFAULT_CELL_WIDTH = 8;
    /** Default cell height in pixels. */
    public static final int DEFAULT_CELL_HEIGHT = 20;

    /**
     * The least luma difference between a character and its background (see {@link Palette#legible}).
     * Measured with {@code ./airlock bench-legibility}: at 80x24 OCR reads 84.6 % of the words instead of
     * 82.2 %, the 256-colour table 113 of 278 words instead of 86, vim's syntax colours 70 of 76 instead of 67.
     */
    static final int MINIMUM_LUMA_DIFFERENCE = 96;

    private final Terminal terminal;
    private final int cellWidth;
    private final int cellHeight;
    private final GlyphCache glyphs;
    private final TintedGlyphs tints;
    private int columns;
    private int rows;
    private int[] pixels;
    private Cursor drawnCursor;
    /** The cursor as this frame shows it, read once per frame. */
    private Cursor shownCursor;
    /** The cell rows the last {@link #render()} drew into: {@code [firstDrawnRow, endDrawnRow)}. */
    private int firstDrawnRow;
    private int endDrawnRow;

    /**
     * Creates a renderer with {@value #DEFAULT_CELL_WIDTH}x{@value #DEFAULT_CELL_HEIGHT} pixel cells.
     *
     * @param terminal the terminal to draw
     */
    public CellRenderer(Terminal terminal) {
        this(terminal, DEFAULT_CELL_WIDTH, DEFAULT_CELL_HEIGHT);
    }

    /**
     * Creates a renderer.
     *
     * @param terminal the terminal to draw
     * @param cellWidth pixels per cell horizontally, 4 to 64
     * @param cellHeight pixels per cell vertically, 8 to 128
     */
    public CellRenderer(Terminal terminal, int cellWidth, int cellHeight) {
        if (cellWidth < 4 || cellWidth > 64 || cellHeight < 8 || cellHeight > 128) {
            throw new IllegalArgumentException("cell size out of range: " + cellWidth + "x" + cellHeight);
        }
        this.terminal = terminal;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.glyphs = new GlyphCache(cellWidth, cellHeight);
        this.tints = new TintedGlyphs(cellWidth * cellHeight);
    }

    /** {@return pixels per cell horizontally} */
    public int cellWidth() {
        return cellWidth;
    }

    /** {@return pixels per cell vertically} */
    public int cellHeight() {
        return cellHeight;
    }

    /** {@return frame width in pixels} */
    public int width() {
        return columns * cellWidth;
    }

    /** {@return frame height in pixels} */
    public int height() {
        return rows * cellHeight;
    }

    /**
     * The frame as 0xRRGGBB values, row-major, {@link #width()} by {@link #height()}. The array is the
     * renderer's own and changes on the next {@link #render()}; copy it to keep a frame.
     *
     * @return the pixels of the last rendered frame
     */
    public int[] pixels() {
        return pixels;
    }

    /**
     * Brings the frame up to date with the terminal.
     *
     * @return true when any pixel may have changed
     */
    public boolean render() {
        List<DirtySpan> spans = terminal.takeDirtySpans();
        Cursor cursor = terminal.cursor();
        shownCursor = cursor;
        firstDrawnRow = Integer.MAX_VALUE;
        endDrawnRow = 0;
        if (pixels == null || columns != terminal.columns() || rows != terminal.rows()) {
            columns = terminal.columns();
            rows = terminal.rows();
            pixels = new int[width() * height()];
            for (int row = 0; row < rows; row++) {
                drawSpan(row, 0, columns);
            }
            drawnCursor = cursor;
            return true;
        }
        for (DirtySpan span : spans) {
            drawSpan(span.row(), span.fromColumn(), span.toColumn());
        }
        // The cells a cursor left and entered; a hidden cursor that moved changed no cell (full-screen
        // programs hide it).
        boolean cursorRedrawn = !cursor.equals(drawnCursor) && (cursor.visible() || drawnCursor.visible());
        if (cursorRedrawn) {
            if (drawnCursor.row() < rows && drawnCursor.column() < columns) {
                drawSpan(drawnCursor.row(), drawnCursor.column(), drawnCursor.column() + 1);
            }
            drawSpan(cursor.row(), cursor.column(), cursor.column() + 1);
        }
        drawnCursor = cursor;
        return cursorRedrawn || !spans.isEmpty();
    }

    /**
     * {@return the first pixel row that the last {@link #render()} drew into} Rows outside
     * {@code [changedFrom(), changedTo())} are as the render before left them, so a video need only convert
     * the rows between. Both are 0 when nothing was drawn.
     */
    public int changedFrom() {
        return endDrawnRow == 0 ? 0 : firstDrawnRow * cellHeight;
    }

    /** {@return the pixel row after the last that the last {@link #render()} drew into; see {@link #changedFrom()}} */
    public int changedTo() {
        return endDrawnRow * cellHeight;
    }

    private void drawSpan(int row, int from, int to) {
        firstDrawnRow = Math.min(firstDrawnRow, row);
        endDrawnRow = Math.max(endDrawnRow, row + 1);
        Line line = terminal.visibleLine(row);
        int column = from;
        // A span may start on the right half of a wide character, which its left half draws.
        if (column > 0 && line.code(column) == Line.WIDE_TAIL) {
            column--;
        }
        while (column < to) {
            int code = line.code(column);
            int cells = isBlank(line, column) ? blankRun(row, line, column, to)
                    : Math.max(1, Math.min(widthOf(code), columns - column));
            drawCell(row, column, line, cells);
            column += cells;
        }
    }

    /** A cell that shows only its background (and any underline), as most of a screen does. */
    private static boolean isBlank(Line line, int column) {
        int code = line.code(column);
        return (code == Line.BLANK || code == ' ') && line.combining(column).isEmpty();
    }

    /**
     * How many blank cells from {@code column} look alike: the same pen and not the cursor. They are drawn
     * as one rectangle, a few fills a pixel row instead of one a cell, which a screen that scrolls redraws
     * in every frame.
     */
    private int blankRun(int row, Line line, int column, int to) {
        Pen pen = line.pen(column);
        Cursor cursor = shownCursor;
        int cursorColumn = cursor.visible() && cursor.row() == row ? cursor.column() : -1;
        if (cursorColumn == column) {
            return 1;
        }
        int end = column + 1;
        while (end < to && end != cursorColumn && isBlank(line, end)
                && (line.pen(end) == pen || line.pen(end).equals(pen))) {
            end++;
        }
        return end - column;
    }

    /** Cells a code point covers, as {@link Terminal#cell} reports it (a wide tail on its own counts one). */
    private static int widthOf(int code) {
        return code == Line.BLANK || code == Line.WIDE_TAIL ? 1 : Math.max(1, CharWidth.of(code));
    }

    private void drawCell(int row, int column, Line line, int cells) {
        Pen pen = line.pen(column);
        boolean bold = pen.has(Attribute.BOLD);
        int foreground = Palette.foreground(pen.foreground(), bold);
        int background = Palette.background(pen.background());
        boolean inverse = pen.has(Attribute.INVERSE) ^ terminal.reverseVideo();
        Cursor cursor = shownCursor;
        if (cursor.visible() && cursor.row() == row && cursor.column() >= column && cursor.column() < column + cells) {
            // A block cursor: the cell drawn in reverse, as xterm draws a focused cursor.
            inverse = !inverse;
        }
        if (inverse) {
            int swap = foreground;
            foreground = background;
            background = swap;
        }
        foreground = Palette.legible(foreground, background, MINIMUM_LUMA_DIFFERENCE);
        if (pen.has(Attribute.FAINT)) {
            foreground = Palette.blend(background, foreground, 128);
        }
        if (pen.has(Attribute.INVISIBLE)) {
            foreground = background;
        }
        int x0 = column * cellWidth;
        int y0 = row * cellHeight;
        int width = cells * cellWidth;
        int stride = width();
        Glyph glyph = glyphFor(line, column, bold, pen.has(Attribute.ITALIC), cells);
        if (glyph == null) {
            for (int y = 0; y < cellHeight; y++) {
                int offset = (y0 + y) * stride + x0;
                Arrays.fill(pixels, offset, offset + width, background);
            }
        } else {
            int[] tile = tints.tile(glyph, foreground, background);
            for (int y = 0; y < cellHeight; y++) {
                System.arraycopy(tile, y * width, pixels, (y0 + y) * stride + x0, width);
            }
        }
        if (pen.has(Attribute.UNDERLINE)) {
            horizontalLine(x0, y0 + cellHeight - 2, width, foreground);
        }
        if (pen.has(Attribute.STRIKETHROUGH)) {
            horizontalLine(x0, y0 + cellHeight / 2, width, foreground);
        }
    }

    /**
     * Null for a blank cell. A cell without combining marks (nearly every cell) is looked up by its code
     * point, with no string built.
     */
    private Glyph glyphFor(Line line, int column, boolean bold, boolean italic, int cells) {
        int code = line.code(column);
        if (code == Line.BLANK || code == Line.WIDE_TAIL) {
            return null;
        }
        String combining = line.combining(column);
        if (combining.isEmpty()) {
            return Character.isWhitespace(code) ? null : glyphs.glyph(code, bold, italic, cells);
        }
        String text = Character.toString(code) + combining;
        return text.isBlank() ? null : glyphs.glyph(text, bold, italic, cells);
    }

    private void horizontalLine(int x0, int y, int width, int color) {
        int offset = y * width() + x0;
        for (int x = 0; x < width; x++) {
            pixels[offset + x] = color;
        }
    }
}
