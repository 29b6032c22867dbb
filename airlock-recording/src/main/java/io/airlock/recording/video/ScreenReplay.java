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
 * up, and those that would need cells below 5x13 are drawn at 8x20 and shrunk. A terminal whose frame
 * would exceed {@link #MAX_PIXELS} at 8x20 is drawn at 4x8 cells, to bound memory.
 */
final class ScreenReplay implements Picture {

    /** The largest frame drawn at the cell size the video asks for. */
    static final long MAX_PIXELS = 4_000_000;

    private static final int MIN_CELL_WIDTH = 4;
    private static final int MIN_CELL_HEIGHT = 8;

    /**
     * The smallest cell drawn at the video's size; below it a terminal is drawn at 8x20 and shrunk by area
     * averaging, which OCR reads better there ({@code ./airlock bench-legibility}: 120x36 drawn at 5x13
     * 68.7 % of the words against 63.8 % shrunk; 132x43 at 5x11 55.5 % against 57.9 %; 200x60 at 4x8
     * 18.0 % against 23.4 %).
     */
    private static final int MIN_CELL_WIDTH_AT_SIZE = 5;
    private static final int MIN_CELL_HEIGHT_AT_SIZE = 13;

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
        int cellWidth = cellSize(videoWidth, columns, MIN_CELL_WIDTH, CellRenderer.DEFAULT_CELL_WIDTH);
        int cellHeight = cellSize(videoHeight, rows, MIN_CELL_HEIGHT, CellRenderer.DEFAULT_CELL_HEIGHT);
        if (cellWidth < MIN_CELL_WIDTH_AT_SIZE || cellHeight < MIN_CELL_HEIGHT_AT_SIZE) {
            cellWidth = CellRenderer.DEFAULT_CELL_WIDTH;
            cellHeight = CellRenderer.DEFAULT_CELL_HEIGHT;
        }
        if ((long) columns * cellWidth * rows * cellHeight > MAX_PIXELS) {
            cellWidth = MIN_CELL_WIDTH;
            cellHeight = MIN_CELL_HEIGHT;
        }
        if (renderer != null && renderer.cellWidth() == cellWidth && renderer.cellHeight() == cellHeight) {
            return renderer;
        }
        return new CellRenderer(terminal, cellWidth, cellHeight);
    }

    /** Video pixels per cell, rounded to the nearest whole pixel (a frame a little too large is shrunk). */
    static int cellSize(int videoPixels, int cells, int min, int max) {
        return Math.clamp(Math.round((float) videoPixels / cells), min, max);
    }
}
