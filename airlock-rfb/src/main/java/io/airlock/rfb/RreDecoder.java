package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** RRE (RFC 6143 section 7.7.3): a background colour and solid sub-rectangles on it. */
final class RreDecoder implements RectangleDecoder {

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        long count = RfbInput.readU32(in, "RRE sub-rectangle count");
        framebuffer.fill(rect.x(), rect.y(), rect.width(), rect.height(), Pixels.read(in, framebuffer, "RRE background"));
        // Each sub-rectangle is read before it is drawn, so a false count ends at the end of the data.
        for (long i = 0; i < count; i++) {
            int rgb = Pixels.read(in, framebuffer, "RRE sub-rectangle colour");
            int x = RfbInput.readU16(in, "RRE sub-rectangle x");
            int y = RfbInput.readU16(in, "RRE sub-rectangle y");
            int w = RfbInput.readU16(in, "RRE sub-rectangle width");
            int h = RfbInput.readU16(in, "RRE sub-rectangle height");
            if (x + w > rect.width() || y + h > rect.height()) {
                throw Pixels.malformed(rect, "sub-rectangle " + w + "x" + h + " at " + x + "," + y + " lies outside it");
            }
            framebuffer.fill(rect.x() + x, rect.y() + y, w, h, rgb);
        }
    }
}
