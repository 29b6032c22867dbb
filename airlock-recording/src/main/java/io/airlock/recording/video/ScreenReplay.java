package io.airlock.recording.video;

import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.terminal.CellRenderer;
import io.airlock.terminal.Terminal;

/**
 * A recording played back into the emulator, with the renderer that draws what the operator saw.
 * Frames are drawn at 8x20 pixel cells, the renderer's native size, so that 80x24 is exactly the
 * video's 640x480 and larger terminals are scaled down by area averaging, which keeps text more legible
 * than rasterising the font at a few pixels per cell would. Only a terminal too large for that to stay
 * within {@link #MAX_PIXELS} is drawn at smaller cells, to bound memory.
 */
final class ScreenReplay {

    /** The largest frame drawn at full cell size (2000x2000). */
    static final long MAX_PIXELS = 4_000_000;

    private final TerminalPlayback playback;
    private final Terminal terminal;
    private CellRenderer renderer;
    private boolean fullCells;

    ScreenReplay(int columns, int rows) {
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
    boolean render() {
        return renderer.render();
    }

    int[] pixels() {
        return renderer.pixels();
    }

    int width() {
        return renderer.width();
    }

    int height() {
        return renderer.height();
    }

    /** A new renderer only when the cell size must change; the current one redraws on a new size itself. */
    private CellRenderer rendererFor(int columns, int rows) {
        boolean full = (long) columns * CellRenderer.DEFAULT_CELL_WIDTH * rows * CellRenderer.DEFAULT_CELL_HEIGHT
                <= MAX_PIXELS;
        if (renderer != null && full == fullCells) {
            return renderer;
        }
        fullCells = full;
        return full ? new CellRenderer(terminal) : new CellRenderer(terminal, 4, 10);
    }
}
