package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** Tight's pixels: three bytes R, G, B for 32-bit 8-8-8 true colour (TPIXEL), the format's own otherwise. */
final class TightPixels {

    private TightPixels() {
    }

    static int size(PixelFormat format) {
        return format.hasTightPixel() ? 3 : format.bytesPerPixel();
    }

    static int read(InputStream in, Framebuffer framebuffer) throws IOException {
        byte[] bytes = RfbInput.readExactly(in, size(framebuffer.pixelFormat()), "Tight pixel");
        return rgbAt(framebuffer, bytes, 0);
    }

    static int rgbAt(Framebuffer framebuffer, byte[] bytes, int offset) {
        if (framebuffer.pixelFormat().hasTightPixel()) {
            return (bytes[offset] & 0xff) << 16 | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff);
        }
        return framebuffer.rgbAt(bytes, offset);
    }
}
