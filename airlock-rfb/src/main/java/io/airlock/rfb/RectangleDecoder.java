package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the data of one rectangle of a FramebufferUpdate into the framebuffer. One implementation per
 * encoding; those with state (zlib streams) live as long as the connection.
 */
interface RectangleDecoder {

    /**
     * Reads exactly the rectangle's data from {@code in} and applies it.
     *
     * @throws RfbException when the data breaks the encoding's rules or lies outside the framebuffer
     */
    void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException;
}
