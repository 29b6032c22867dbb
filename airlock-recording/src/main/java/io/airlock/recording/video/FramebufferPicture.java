package io.airlock.recording.video;

import io.airlock.rfb.CursorShape;
import io.airlock.rfb.Damage;
import io.airlock.rfb.Framebuffer;
import java.util.Arrays;

/**
 * A graphical session's screen as the operator saw it: the framebuffer with the cursor drawn at the
 * pointer position. It is composed only when the framebuffer reports a change and counts as changed
 * only when the composed pixels differ, so a server redrawing what is already there costs no frame.
 * Only the parts of the screen the decoders wrote to since are compared and copied, and only the band of
 * rows that differ is scaled into the video's picture (see {@link Letterbox}): a line of text changing on a
 * large desktop costs that line and a strip around it, not the screen.
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
    /** Rows changed by the last render that changed anything: {@code [changedFrom, changedTo)}. */
    private int changedFrom;
    private int changedTo;

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
            framebuffer.takeDamage(); // all of it is in the copy just taken
            drawnCursor = null;
            drawCursor();
            changedFrom = 0;
            changedTo = height;
            return true;
        }
        int from = height;
        int to = 0;
        boolean changed = false;
        // Only where the decoders wrote can the screen differ; there, a server redrawing what is already
        // shown still costs no frame.
        for (Damage.Area area : framebuffer.takeDamage().areas()) {
            for (int row = area.y(); row < area.y() + area.height(); row++) {
                int at = row * width + area.x();
                int end = at + area.width();
                if (Arrays.mismatch(screen, at, end, plain, at, end) >= 0) {
                    System.arraycopy(screen, at, plain, at, end - at);
                    System.arraycopy(screen, at, pixels, at, end - at);
                    from = Math.min(from, row);
                    to = Math.max(to, row + 1);
                    changed = true;
                }
            }
        }
        CursorShape cursor = framebuffer.cursor().orElse(null);
        boolean cursorChanged = !sameCursor(cursor) || framebuffer.pointerX() != drawnX
                || framebuffer.pointerY() != drawnY;
        if (changed || cursorChanged) {
            if (cursorChanged) {
                from = Math.min(from, cursorTop());
                to = Math.max(to, cursorBottom());
            }
            eraseCursor();
            drawCursor();
            if (cursorChanged) {
                from = Math.min(from, cursorTop());
                to = Math.max(to, cursorBottom());
            }
            changedFrom = Math.clamp(from, 0, height);
            changedTo = Math.clamp(to, changedFrom, height);
        }
        return changed || cursorChanged;
    }

    /** The first row the drawn cursor covers (the height when none is drawn). */
    private int cursorTop() {
        return drawnCursor == null ? height : Math.max(0, drawnY - drawnCursor.hotY());
    }

    /** The row after the last the drawn cursor covers (0 when none is drawn). */
    private int cursorBottom() {
        return drawnCursor == null ? 0 : Math.min(height, drawnY - drawnCursor.hotY() + drawnCursor.height());
    }

    @Override
    public int changedFrom() {
        return changedFrom;
    }

    @Override
    public int changedTo() {
        return changedTo;
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
