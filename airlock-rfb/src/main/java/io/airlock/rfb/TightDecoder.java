package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/**
 * Tight (TigerVNC's rfbproto, "Tight Encoding"): a control byte whose low bits reset any of four zlib
 * streams, then a solid fill, a JPEG picture, or basic compression with the copy, palette or gradient
 * filter. Basic data shorter than 12 bytes comes uncompressed.
 */
final class TightDecoder implements RectangleDecoder, AutoCloseable {

    private static final int FILL = 8;
    private static final int JPEG = 9;
    private static final int EXPLICIT_FILTER = 4;
    private static final int COPY_FILTER = 0;
    private static final int PALETTE_FILTER = 1;
    private static final int GRADIENT_FILTER = 2;
    /** Basic data below this size is sent as it is, not compressed. */
    private static final int MIN_TO_COMPRESS = 12;

    private final ZlibStream[] streams = {
        new ZlibStream("Tight stream 0"), new ZlibStream("Tight stream 1"),
        new ZlibStream("Tight stream 2"), new ZlibStream("Tight stream 3")};
    private final TightJpeg jpeg = new TightJpeg();

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        int control = RfbInput.readU8(in, "Tight compression control");
        for (int i = 0; i < streams.length; i++) {
            if ((control & 1 << i) != 0) {
                streams[i].reset();
            }
        }
        int kind = control >> 4;
        if (kind == FILL) {
            int rgb = TightPixels.read(in, framebuffer);
            framebuffer.fill(rect.x(), rect.y(), rect.width(), rect.height(), rgb);
        } else if (kind == JPEG) {
            jpeg.decode(rect, RfbInput.readExactly(in, readCompactLength(in), "Tight JPEG data"), framebuffer);
        } else if (kind < FILL) {
            int filter = (kind & EXPLICIT_FILTER) != 0 ? RfbInput.readU8(in, "Tight filter") : COPY_FILTER;
            decodeBasic(rect, in, framebuffer, streams[kind & 3], filter);
        } else {
            throw Pixels.malformed(rect, "Tight compression type " + kind + " is not defined");
        }
    }

    private void decodeBasic(Rectangle rect, InputStream in, Framebuffer framebuffer, ZlibStream stream, int filter)
            throws IOException {
        TightRows rows = switch (filter) {
            case COPY_FILTER -> TightRows.copy(framebuffer, rect.width());
            case PALETTE_FILTER -> TightRows.palette(in, framebuffer, rect.width());
            case GRADIENT_FILTER -> TightRows.gradient(framebuffer, rect.width());
            default -> throw Pixels.malformed(rect, "Tight filter " + filter + " is not defined");
        };
        long size = (long) rows.rowBytes() * rect.height();
        InputStream data = in;
        if (size >= MIN_TO_COMPRESS) {
            int length = readCompactLength(in);
            data = stream.open(RfbInput.readExactly(in, length, "Tight compressed data"));
        }
        byte[] row = new byte[rows.rowBytes()];
        int[] rgb = new int[rect.width()];
        for (int y = 0; y < rect.height(); y++) {
            RfbInput.readFully(data, row, row.length, "Tight pixel data");
            rows.decode(rect, row, rgb);
            framebuffer.putRow(rect.x(), rect.y() + y, rgb, 0, rect.width());
        }
        if (data != in) {
            stream.endRectangle(rect);
        }
    }

    /** Tight's compact length: 7 bits in each of the first two bytes while the top bit says more, 8 in the third. */
    static int readCompactLength(InputStream in) throws IOException {
        int b = RfbInput.readU8(in, "Tight data length");
        int length = b & 0x7f;
        if ((b & 0x80) != 0) {
            b = RfbInput.readU8(in, "Tight data length");
            length |= (b & 0x7f) << 7;
            if ((b & 0x80) != 0) {
                length |= RfbInput.readU8(in, "Tight data length") << 14;
            }
        }
        return length;
    }

    @Override
    public void close() {
        for (ZlibStream stream : streams) {
            stream.close();
        }
    }
}
