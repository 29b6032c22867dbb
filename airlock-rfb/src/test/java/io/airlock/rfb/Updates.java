package io.airlock.rfb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;

/** Builds server messages byte by byte for decoder tests; pixels are {@link PixelFormat#RGB888}. */
final class Updates {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Updates update(int rectangles) {
        return new Updates().u8(0).u8(0).u16(rectangles);
    }

    Updates rect(int x, int y, int w, int h, int encoding) {
        return u16(x).u16(y).u16(w).u16(h).u32(encoding);
    }

    Updates u8(int value) {
        bytes.write(value);
        return this;
    }

    Updates u16(int value) {
        return u8(value >> 8).u8(value);
    }

    Updates u32(long value) {
        return u16((int) (value >> 16)).u16((int) value);
    }

    /** A 32-bit little-endian 0x00RRGGBB pixel. */
    Updates pixel(int rgb) {
        return u8(rgb).u8(rgb >> 8).u8(rgb >> 16).u8(0);
    }

    /** Tight's three-byte R, G, B pixel. */
    Updates tpixel(int rgb) {
        return u8(rgb >> 16).u8(rgb >> 8).u8(rgb);
    }

    Updates bytes(byte[] data) {
        bytes.writeBytes(data);
        return this;
    }

    Updates compactLength(int length) {
        if (length < 0x80) {
            return u8(length);
        }
        if (length < 0x4000) {
            return u8(length & 0x7f | 0x80).u8(length >> 7);
        }
        return u8(length & 0x7f | 0x80).u8(length >> 7 & 0x7f | 0x80).u8(length >> 14);
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** Compresses with a sync flush, as RFB servers do, on a deflater that lives as long as its stream. */
    static byte[] deflate(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Applies messages to a framebuffer of the given size until they end. */
    static Framebuffer apply(int width, int height, byte[] messages) throws IOException {
        Framebuffer framebuffer = new Framebuffer(width, height, PixelFormat.RGB888);
        apply(framebuffer, messages);
        return framebuffer;
    }

    static void apply(Framebuffer framebuffer, byte[] messages) throws IOException {
        try (ServerMessageReader reader = new ServerMessageReader(new ByteArrayInputStream(messages), framebuffer)) {
            while (reader.next().isPresent()) {
                // each message applies itself
            }
        }
    }
}
