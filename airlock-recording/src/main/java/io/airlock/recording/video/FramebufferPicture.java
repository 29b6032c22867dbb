package io.airlock.recording.video;

import io.airlock.rfb.CursorShape;
import io.airlock.rfb.Framebuffer;
import java.util.Arrays;

/**
 * A graphical session's screen as the operator saw it: the framebuffer with the cursor drawn at the
 * pointer position. It is composed only when the framebuffer reports a change and counts as changed
 * only when the composed pixels differ, so a server redrawing what is already there costs no frame.
 */
final class FramebufferPicture implements Picture {

    private final Framebuffer framebuffer;
    private int[] pixels = new int[0];
    private int[] previous = new int[0];
    private int width;
    private int height;
    private long seenChanges = -1;

    FramebufferPicture(Framebuffer framebuffer) {
        this.framebuffer = framebuffer;
    }

    @Override
    public boolean render() {
        if (framebuffer.changes() == seenChanges) {
            return false;
        }
        seenChanges = framebuffer.changes();
        int[] swap = previous;
        previous = pixels;
        pixels = swap;
        int count = framebuffer.width() * framebuffer.height();
        if (pixels.length != count) {
            pixels = new int[count];
        }
        System.arraycopy(framebuffer.pixels(), 0, pixels, 0, count);
        boolean resized = width != framebuffer.width() || height != framebuffer.height();
        width = framebuffer.width();
        height = framebuffer.height();
        framebuffer.cursor().ifPresent(this::drawCursor);
        return resized || !Arrays.equals(pixels, previous);
    }

    private void drawCursor(CursorShape cursor) {
        int left = framebuffer.pointerX() - cursor.hotX();
        int top = framebuffer.pointerY() - cursor.hotY();
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
