package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** Raw (RFC 6143 section 7.7.1): every pixel, row by row. */
final class RawDecoder implements RectangleDecoder {

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        Pixels.readRect(in, framebuffer, rect.x(), rect.y(), rect.width(), rect.height(), "Raw pixels");
    }
}
