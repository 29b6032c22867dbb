package io.airlock.rfb;

/**
 * The header of one rectangle in a FramebufferUpdate (RFC 6143 section 7.6.1).
 *
 * @param x left edge, or a pseudo-encoding's own value
 * @param y top edge, or a pseudo-encoding's own value
 * @param width width in pixels
 * @param height height in pixels
 * @param encoding the encoding type, negative for pseudo-encodings
 */
record Rectangle(int x, int y, int width, int height, int encoding) {

    long area() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return Encodings.name(encoding) + " rectangle " + width + "x" + height + " at " + x + "," + y;
    }
}
