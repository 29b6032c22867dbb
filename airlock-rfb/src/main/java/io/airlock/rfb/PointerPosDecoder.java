package io.airlock.rfb;

import java.io.InputStream;

/** PointerPos (TigerVNC's -232): the pointer is at the rectangle's x and y; it carries no data. */
final class PointerPosDecoder implements RectangleDecoder {

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) {
        framebuffer.movePointer(rect.x(), rect.y());
    }
}
