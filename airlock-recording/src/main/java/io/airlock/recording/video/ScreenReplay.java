package io.airlock.recording.video;

import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.terminal.CellRenderer;
import io.airlock.terminal.Terminal;

/**
 * A recording played back into the emulator, with the renderer that draws what the operator saw. Cells
 * are sized for the video: about as many pixels as the video has per column and per row, from 5x13 up
 * to the renderer's native 8x20, so a wide terminal is drawn at the size it is shown instead of being
 * drawn large and shrunk, with glyphs hinted for that size and line-drawing characters on whole
 * pixels. An 80x24 terminal is exactly the video's 640x480; smaller ones are drawn at 8x20 and scaled
 * up. Those that would need cells below 5x13 are drawn at a shrink cell ({@link #shrinkCell}) and
 * shrunk. A terminal whose frame would exceed {@link #MAX_PIXELS} is drawn at 4x8 cells, to bound memory.
 */
final class ScreenReplay implements Picture {

    /** The largest frame drawn at the cell size the video asks for. */
    static final long MAX_PIXELS = 4_000_000;

    private static final int MIN_CELL_WIDTH = 4;
    private static final int MIN_CELL_HEIGHT = 8;

    /**
     * The smallest cell drawn at the video's size; below it a terminal is drawn larger and shrunk by area
     * averaging, which OCR reads better there ({@code ./airlock bench-legibility}: 120x36 drawn at 5x13
     * 68.7 % of the words against 63.8 % shrunk; 132x43 at 5x11 55.5 % against 57.9 % shrunk from 8x20).
     */
    private static final int MIN_CELL_WIDTH_AT_SIZE = 5;
    private static final int MIN_CELL_HEIGHT_AT_SIZE = 13;

    /**
     * The width of a cell drawn to be shrunk: the narrowest at which the hinted small glyphs keep a gap
     * between letters (at five pixels DejaVu's n fills the cell and reads as r). Measured with
     * {@code ./airlock bench-legibility} against drawing at 8x20: 132x43 reads 67.1 % of the words instead of
     * 58.0 %, 200x60 29.3 % instead of 23.7 %; cells 7 and 8 pixels wide read 58 to 66 % at 132x43. A 200x60
     * frame is then 1200x900 pixels to convert instead of 1600x1200.
     */
    private static final int SHRINK_CELL_WIDTH = 6;

    /** A cell size in pixels. */
    private record Cell(int width, int height) {
    }

    private final TerminalPlayback playback;
    private final Terminal terminal;
    private final int videoWidth;
    private final int videoHeight;
    private CellRenderer renderer;

    ScreenReplay(int columns, int rows, int videoWidth, int videoHeight) {
        this.videoWidth = videoWidth;
        this.videoHeight = videoHeight;
        playback = new TerminalPlayback(columns, rows);
        terminal = playback.terminal();
        renderer = rendererFor(columns, rows);
    }

    /**
     * Plays one event.
     *
     * @return true when the screen may have changed
     */
    boolean apply(AsciicastEvent event) {
        boolean changed = playback.apply(event);
        if (event instanceof AsciicastEvent.Resize resize) {
            renderer = rendererFor(resize.columns(), resize.rows());
        }
        return changed;
    }

    /**
     * Brings the frame up to date.
     *
     * @return true when pixels may have changed
     */
    @Override
    public boolean render() {
        return renderer.render();
    }

    @Override
    public int[] pixels() {
        return renderer.pixels();
    }

    @Override
    public int width() {
        return renderer.width();
    }

    @Override
    public int changedFrom() {
        return renderer.changedFrom();
    }

    @Override
    public int changedTo() {
        return renderer.changedTo();
    }

    @Override
    public int height() {
        return renderer.height();
    }

    /** A new renderer only when the cell size must change; the current one redraws on a new size itself. */
    private CellRenderer rendererFor(int columns, int rows) {
        Cell cell = cellFor(columns, rows);
        if (renderer != null && renderer.cellWidth() == cell.width() && renderer.cellHeight() == cell.height()) {
            return renderer;
        }
        return new CellRenderer(terminal, cell.width(), cell.height());
    }

    private Cell cellFor(int columns, int rows) {
        int cellWidth = cellSize(videoWidth, columns, MIN_CELL_WIDTH, CellRenderer.DEFAULT_CELL_WIDTH);
        int cellHeight = cellSize(videoHeight, rows, MIN_CELL_HEIGHT, CellRenderer.DEFAULT_CELL_HEIGHT);
        Cell cell = cellWidth < MIN_CELL_WIDTH_AT_SIZE || cellHeight < MIN_CELL_HEIGHT_AT_SIZE
                ? shrinkCell(videoWidth, videoHeight, columns, rows)
                : new Cell(cellWidth, cellHeight);
        if ((long) columns * cell.width() * rows * cell.height() > MAX_PIXELS) {
            return new Cell(MIN_CELL_WIDTH, MIN_CELL_HEIGHT);
        }
        return cell;
    }

    /**
     * The cell a terminal too large for the video's pixels is drawn at before it is shrunk. A wide one is
     * drawn as narrow as keeps letters apart ({@value #SHRINK_CELL_WIDTH} pixels) and in the proportions
     * of the cell the video shows, rounded down, so that the shrunk frame fills the video's width, its
     * scarce side. A tall one, whose cells in those proportions would be too short for the glyphs, is drawn
     * at the native 8x20.
     */
    private static Cell shrinkCell(int videoWidth, int videoHeight, int columns, int rows) {
        double heightPerWidth = ((double) videoHeight / rows) / ((double) videoWidth / columns);
        int height = (int) (SHRINK_CELL_WIDTH * heightPerWidth);
        if (height < MIN_CELL_HEIGHT_AT_SIZE) {
            return new Cell(CellRenderer.DEFAULT_CELL_WIDTH, CellRenderer.DEFAULT_CELL_HEIGHT);
        }
        return new Cell(SHRINK_CELL_WIDTH, Math.min(height, CellRenderer.DEFAULT_CELL_HEIGHT));
    }

    /** Video pixels per cell, rounded to the nearest whole pixel (a frame a little too large is shrunk). */
    static int cellSize(int videoPixels, int cells, int min, int max) {
        return Math.clamp(Math.round((float) videoPixels / cells), min, max);
    }
}
