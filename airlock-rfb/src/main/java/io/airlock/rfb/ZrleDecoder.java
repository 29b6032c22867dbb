package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * ZRLE (RFC 6143 section 7.7.6): 64x64 tiles in one zlib stream per connection, each raw, solid, packed
 * palette, plain RLE or palette RLE, with 32-bit pixels sent in three bytes where they fit.
 */
final class ZrleDecoder implements RectangleDecoder, AutoCloseable {

    private static final int TILE = 64;

    private final ZlibStream zlib = new ZlibStream("ZRLE");
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[128];
    private final byte[] pixel = new byte[4];
    private final byte[] compact = new byte[3];

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        long length = RfbInput.readU32(in, "ZRLE data length");
        // Worst case of the tile syntax: five bytes a pixel (plain RLE of single pixels) plus palettes.
        long bound = rect.area() * 5 + (1 << 16);
        if (length > bound) {
            throw Pixels.malformed(rect, "ZRLE data of " + length + " bytes is more than such a rectangle can need");
        }
        InputStream tiles = zlib.open(RfbInput.readExactly(in, (int) length, "ZRLE data"));
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int w = Math.min(TILE, rect.width() - tx);
                int h = Math.min(TILE, rect.height() - ty);
                decodeTile(rect, tiles, framebuffer, w, h);
                Pixels.put(framebuffer, rect.x() + tx, rect.y() + ty, w, h, tile);
            }
        }
        zlib.endRectangle(rect);
    }

    private void decodeTile(Rectangle rect, InputStream in, Framebuffer framebuffer, int w, int h) throws IOException {
        int kind = RfbInput.readU8(in, "ZRLE tile type");
        int count = w * h;
        if (kind == 0) {
            for (int i = 0; i < count; i++) {
                tile[i] = readPixel(in, framebuffer);
            }
        } else if (kind == 1) {
            Arrays.fill(tile, 0, count, readPixel(in, framebuffer));
        } else if (kind <= 16) {
            readPalette(in, framebuffer, kind);
            readPacked(rect, in, kind, w, h);
        } else if (kind == 128) {
            readRuns(rect, in, framebuffer, count, 0);
        } else if (kind >= 130) {
            readPalette(in, framebuffer, kind - 128);
            readRuns(rect, in, framebuffer, count, kind - 128);
        } else {
            throw Pixels.malformed(rect, "ZRLE tile type " + kind + " is not defined");
        }
    }

    private void readPalette(InputStream in, Framebuffer framebuffer, int size) throws IOException {
        for (int i = 0; i < size; i++) {
            palette[i] = readPixel(in, framebuffer);
        }
    }

    private void readPacked(Rectangle rect, InputStream in, int size, int w, int h) throws IOException {
        int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
        byte[] row = new byte[(w * bits + 7) / 8];
        for (int y = 0; y < h; y++) {
            RfbInput.readFully(in, row, row.length, "ZRLE packed palette row");
            for (int x = 0; x < w; x++) {
                int bit = x * bits;
                int index = (row[bit >> 3] & 0xff) >> (8 - bits - (bit & 7)) & ((1 << bits) - 1);
                if (index >= size) {
                    throw Pixels.malformed(rect, "ZRLE palette index " + index + " beyond its " + size + " colours");
                }
                tile[y * w + x] = palette[index];
            }
        }
    }

    /** Plain RLE when {@code paletteSize} is 0, palette RLE otherwise. */
    private void readRuns(Rectangle rect, InputStream in, Framebuffer framebuffer, int count, int paletteSize)
            throws IOException {
        int at = 0;
        while (at < count) {
            int rgb;
            int run = 1;
            if (paletteSize == 0) {
                rgb = readPixel(in, framebuffer);
                run = readRunLength(in);
            } else {
                int index = RfbInput.readU8(in, "ZRLE palette index");
                if ((index & 0x7f) >= paletteSize) {
                    throw Pixels.malformed(rect, "ZRLE palette index " + (index & 0x7f) + " beyond its "
                            + paletteSize + " colours");
                }
                rgb = palette[index & 0x7f];
                if ((index & 0x80) != 0) {
                    run = readRunLength(in);
                }
            }
            if (run > count - at) {
                throw Pixels.malformed(rect, "ZRLE run of " + run + " pixels overflows its tile");
            }
            Arrays.fill(tile, at, at + run, rgb);
            at += run;
        }
    }

    /** A run length: bytes of 255 add up until one below 255 ends it; at most a tile's worth is read. */
    private static int readRunLength(InputStream in) throws IOException {
        int length = 1;
        int b;
        do {
            b = RfbInput.readU8(in, "ZRLE run length");
            length += b;
        } while (b == 255 && length <= TILE * TILE);
        return length;
    }

    private int readPixel(InputStream in, Framebuffer framebuffer) throws IOException {
        PixelFormat format = framebuffer.pixelFormat();
        if (!format.hasCompactPixel()) {
            return Pixels.read(in, framebuffer, "ZRLE pixel");
        }
        RfbInput.readFully(in, compact, 3, "ZRLE pixel");
        // The three bytes are the wire pixel without its always-zero byte, which comes last or first.
        int at = format.compactPixelDropsLastByte() ? 0 : 1;
        pixel[0] = 0;
        pixel[3] = 0;
        System.arraycopy(compact, 0, pixel, at, 3);
        return framebuffer.rgbAt(pixel, 0);
    }

    @Override
    public void close() {
        zlib.close();
    }
}
