package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/**
 * The Cursor pseudo-encoding (RFC 6143 section 7.8.1): the pointer's picture in the current pixel
 * format and a one-bit mask, the hot spot in the rectangle's x and y. A 0x0 cursor hides the pointer.
 */
final class CursorDecoder implements RectangleDecoder {

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        int w = rect.width();
        int h = rect.height();
        if (w > CursorShape.MAX_SIDE || h > CursorShape.MAX_SIDE) {
            throw Pixels.malformed(rect, "a cursor is at most " + CursorShape.MAX_SIDE + " pixels a side");
        }
        int size = framebuffer.pixelFormat().bytesPerPixel();
        byte[] pixels = RfbInput.readExactly(in, w * h * size, "cursor pixels");
        int maskRow = (w + 7) / 8;
        byte[] mask = RfbInput.readExactly(in, maskRow * h, "cursor mask");
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean shown = (mask[y * maskRow + (x >> 3)] >> (7 - (x & 7)) & 1) != 0;
                argb[y * w + x] = shown ? 0xff000000 | framebuffer.rgbAt(pixels, (y * w + x) * size) : 0;
            }
        }
        framebuffer.setCursor(new CursorShape(rect.x(), rect.y(), w, h, argb));
    }
}
