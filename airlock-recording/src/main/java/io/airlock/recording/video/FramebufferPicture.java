package io.airlock.recording.video;

import io.airlock.rfb.CursorShape;
import io.airlock.rfb.Framebuffer;
import java.util.Arrays;

/**
 * A graphical session's screen as the operator saw it: the framebuffer with the cursor drawn at the
 * pointer position. It is composed only when the framebuffer reports a change and counts as changed
 * only when the composed pixels differ, so a server redrawing what is already there costs no frame.
 * Only the rows that differ from the screen last composed are copied, so a change to a line of text on a
 * large desktop costs a comparison of the screen and a copy of that line.
 */
final class FramebufferPicture implements Picture {

    private final Framebuffer framebuffer;
    /** The framebuffer as last composed, without the cursor. */
    private int[] plain = new int[0];
    /** {@link #plain} with the cursor drawn over it. */
    private int[] pixels = new int[0];
    private int width;
    private int height;
    private long seenChanges = -1;
    private CursorShape drawnCursor;
    private int drawnX;
    private int drawnY;

    FramebufferPicture(Framebuffer framebuffer) {
        this.framebuffer = framebuffer;
    }

    @Override
    public boolean render() {
        if (framebuffer.changes() == seenChanges) {
            return false;
        }
        seenChanges = framebuffer.changes();
        int[] screen = framebuffer.pixels();
        if (width != framebuffer.width() || height != framebuffer.height()) {
            width = framebuffer.width();
            height = framebuffer.height();
            plain = screen.clone();
            pixels = screen.clone();
            drawnCursor = null;
            drawCursor();
            return true;
        }
        boolean changed = copyChangedRows(screen);
        CursorShape cursor = framebuffer.cursor().orElse(null);
        boolean cursorChanged = !sameCursor(cursor) || framebuffer.pointerX() != drawnX
                || framebuffer.pointerY() != drawnY;
        if (changed || cursorChanged) {
            eraseCursor();
            drawCursor();
        }
        return changed || cursorChanged;
    }

    /** Copies the rows that differ from the screen last composed; returns whether there were any. */
    private boolean copyChangedRows(int[] screen) {
        boolean changed = false;
        for (int row = 0; row < screen.length; row += width) {
            if (Arrays.mismatch(screen, row, row + width, plain, row, row + width) >= 0) {
                System.arraycopy(screen, row, plain, row, width);
                System.arraycopy(screen, row, pixels, row, width);
                changed = true;
            }
        }
        return changed;
    }

    private boolean sameCursor(CursorShape cursor) {
        if (cursor == drawnCursor) {
            return true;
        }
        return cursor != null && drawnCursor != null && cursor.hotX() == drawnCursor.hotX()
                && cursor.hotY() == drawnCursor.hotY() && cursor.width() == drawnCursor.width()
                && Arrays.equals(cursor.argb(), drawnCursor.argb());
    }

    /** Puts back the framebuffer's pixels where the cursor was drawn. */
    private void eraseCursor() {
        if (drawnCursor == null) {
            return;
        }
        int left = drawnX - drawnCursor.hotX();
        int top = drawnY - drawnCursor.hotY();
        int x0 = Math.max(0, left);
        int x1 = Math.min(width, left + drawnCursor.width());
        for (int y = Math.max(0, top); y < Math.min(height, top + drawnCursor.height()) && x0 < x1; y++) {
            System.arraycopy(plain, y * width + x0, pixels, y * width + x0, x1 - x0);
        }
    }

    private void drawCursor() {
        drawnCursor = framebuffer.cursor().orElse(null);
        drawnX = framebuffer.pointerX();
        drawnY = framebuffer.pointerY();
        if (drawnCursor == null) {
            return;
        }
        CursorShape cursor = drawnCursor;
        int left = drawnX - cursor.hotX();
        int top = drawnY - cursor.hotY();
        for (int y = Math.max(0, -top); y < cursor.height() && top + y < height; y++) {
            for (int x = Math.max(0, -left); x < cursor.width() && left + x < width; x++) {
                int argb = cursor.argb()[y * cursor.width() + x];
                if (argb != 0) {
                    pixels[(top + y) * width + left + x] = argb & 0xffffff;
                }
            }
        }
    }

    @Override
    public int[] pixels() {
        return pixels;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }
}
