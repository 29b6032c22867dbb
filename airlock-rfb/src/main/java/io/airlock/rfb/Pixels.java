package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** Reads pixels in the framebuffer's current format, as Raw, RRE and Hextile send them. */
final class Pixels {

    private Pixels() {
    }

    static int read(InputStream in, Framebuffer framebuffer, String what) throws IOException {
        int size = framebuffer.pixelFormat().bytesPerPixel();
        return framebuffer.rgbAt(RfbInput.readExactly(in, size, what), 0);
    }

    /** Reads w x h pixels row by row into the framebuffer at (x, y), which the caller has checked. */
    static void readRect(InputStream in, Framebuffer framebuffer, int x, int y, int w, int h, String what)
            throws IOException {
        int size = framebuffer.pixelFormat().bytesPerPixel();
        byte[] row = new byte[w * size];
        int[] rgb = new int[w];
        for (int line = 0; line < h; line++) {
            RfbInput.readFully(in, row, row.length, what);
            for (int i = 0; i < w; i++) {
                rgb[i] = framebuffer.rgbAt(row, i * size);
            }
            framebuffer.putRow(x, y + line, rgb, 0, w);
        }
    }

    /** Copies a w x h block of 0xRRGGBB values, row-major, into the framebuffer at (x, y). */
    static void put(Framebuffer framebuffer, int x, int y, int w, int h, int[] block) {
        for (int line = 0; line < h; line++) {
            framebuffer.putRow(x, y + line, block, line * w, w);
        }
    }

    static RfbException malformed(Rectangle rect, String why) {
        return new RfbException(RfbException.Reason.MALFORMED_MESSAGE, rect + ": " + why);
    }
}
