package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/**
 * DesktopSize (RFC 6143 section 7.8.2) and ExtendedDesktopSize (section 7.8.3): the screen's new size in
 * the rectangle's width and height. ExtendedDesktopSize adds a status in y (non-zero: a client's resize
 * request failed, the size is unchanged) and the list of screens, which is read and not kept.
 */
final class DesktopSizeDecoder implements RectangleDecoder {

    private static final int SCREEN_LENGTH = 16;

    private final boolean extended;

    DesktopSizeDecoder(boolean extended) {
        this.extended = extended;
    }

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        if (extended) {
            int screens = RfbInput.readU8(in, "ExtendedDesktopSize screen count");
            RfbInput.skip(in, 3 + (long) screens * SCREEN_LENGTH, "ExtendedDesktopSize screens");
            if (rect.y() != 0) {
                return;
            }
        }
        if (rect.width() != framebuffer.width() || rect.height() != framebuffer.height()) {
            framebuffer.resize(rect.width(), rect.height());
        }
    }
}
