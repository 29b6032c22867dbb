package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** CopyRect (RFC 6143 section 7.7.2): the rectangle is a copy of another area of the screen. */
final class CopyRectDecoder implements RectangleDecoder {

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        int fromX = RfbInput.readU16(in, "CopyRect source x");
        int fromY = RfbInput.readU16(in, "CopyRect source y");
        framebuffer.checkInside(new Rectangle(fromX, fromY, rect.width(), rect.height(), rect.encoding()));
        framebuffer.copy(fromX, fromY, rect.x(), rect.y(), rect.width(), rect.height());
    }
}
