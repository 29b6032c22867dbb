package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * How the server puts a pixel on the wire (RFC 6143 section 7.4): its size, byte order, and either the
 * position and range of each colour component or an index into the colour map.
 *
 * @param bitsPerPixel 8, 16 or 32
 * @param depth the number of useful bits, at most {@code bitsPerPixel}
 * @param bigEndian byte order of multi-byte pixels
 * @param trueColour true when components are encoded in the pixel, false for a colour map index
 * @param redMax largest red value (a power of two minus one in practice)
 * @param greenMax largest green value
 * @param blueMax largest blue value
 * @param redShift how far red is shifted left in the pixel
 * @param greenShift how far green is shifted left
 * @param blueShift how far blue is shifted left
 */
public record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour, int redMax,
        int greenMax, int blueMax, int redShift, int greenShift, int blueShift) {

    /** Size of a pixel format on the wire. */
    public static final int WIRE_LENGTH = 16;

    /** 32 bits per pixel, 0x00RRGGBB little-endian: what Airlock asks servers for. */
    public static final PixelFormat RGB888 = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    public PixelFormat {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw new IllegalArgumentException("pixels have 8, 16 or 32 bits, not " + bitsPerPixel);
        }
        if (depth < 1 || depth > bitsPerPixel) {
            throw new IllegalArgumentException("depth " + depth + " does not fit " + bitsPerPixel + " bits per pixel");
        }
        for (int max : new int[] {redMax, greenMax, blueMax}) {
            if (max < 0 || max > 0xffff) {
                throw new IllegalArgumentException("colour maxima are 16-bit numbers, not " + max);
            }
        }
        for (int shift : new int[] {redShift, greenShift, blueShift}) {
            if (shift < 0 || shift > 31) {
                throw new IllegalArgumentException("colour shifts are 0 to 31, not " + shift);
            }
        }
    }

    /**
     * Reads the 16-byte PIXEL_FORMAT structure.
     *
     * @throws RfbException with {@link RfbException.Reason#MALFORMED_MESSAGE} for a format no server may
     *     use, such as 24 bits per pixel
     */
    public static PixelFormat read(InputStream in) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(RfbInput.readExactly(in, WIRE_LENGTH, "a pixel format"));
        try {
            return new PixelFormat(b.get() & 0xff, b.get() & 0xff, b.get() != 0, b.get() != 0, b.getShort() & 0xffff,
                    b.getShort() & 0xffff, b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff);
        } catch (IllegalArgumentException e) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE, "unusable pixel format: " + e.getMessage());
        }
    }

    /** {@return the 16-byte PIXEL_FORMAT structure, padding included} */
    public byte[] toBytes() {
        return ByteBuffer.allocate(WIRE_LENGTH)
                .put((byte) bitsPerPixel).put((byte) depth).put((byte) (bigEndian ? 1 : 0)).put((byte) (trueColour ? 1 : 0))
                .putShort((short) redMax).putShort((short) greenMax).putShort((short) blueMax)
                .put((byte) redShift).put((byte) greenShift).put((byte) blueShift)
                .array();
    }

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /**
     * Whether ZRLE sends this format's pixels in three bytes (a CPIXEL, RFC 6143 section 7.7.6): 32-bit
     * true colour whose components all lie in the lower or all in the upper three bytes.
     */
    boolean hasCompactPixel() {
        return trueColour && bitsPerPixel == 32 && depth <= 24 && (fitsInLow3Bytes() || fitsInHigh3Bytes());
    }

    /** Where the zero byte a CPIXEL leaves out sits on the wire: after the three sent bytes, or before. */
    boolean compactPixelDropsLastByte() {
        return fitsInLow3Bytes() ? !bigEndian : bigEndian;
    }

    /**
     * Whether Tight sends this format's pixels as three bytes R, G, B (its TPIXEL): 32-bit true colour
     * with 8 bits per component.
     */
    boolean hasTightPixel() {
        return trueColour && bitsPerPixel == 32 && depth == 24 && redMax == 255 && greenMax == 255 && blueMax == 255;
    }

    private boolean fitsInLow3Bytes() {
        return ((long) redMax << redShift | (long) greenMax << greenShift | (long) blueMax << blueShift) < 1L << 24;
    }

    private boolean fitsInHigh3Bytes() {
        return redShift > 7 && greenShift > 7 && blueShift > 7;
    }

    /**
     * Converts a true-colour pixel value to 0xRRGGBB, each component stretched from its range to 0-255.
     */
    int trueColourToRgb(int pixel) {
        return scale((pixel >>> redShift) & redMax, redMax) << 16
                | scale((pixel >>> greenShift) & greenMax, greenMax) << 8
                | scale((pixel >>> blueShift) & blueMax, blueMax);
    }

    private static int scale(int value, int max) {
        return max == 0 ? 0 : max == 255 ? value : (value * 255 + max / 2) / max;
    }

    /**
     * Converts 0xRRGGBB to a pixel value of this true-colour format, each component narrowed to its range:
     * what a server sends for that colour.
     */
    public int fromRgb(int rgb) {
        return narrow(rgb >>> 16 & 0xff, redMax) << redShift | narrow(rgb >>> 8 & 0xff, greenMax) << greenShift
                | narrow(rgb & 0xff, blueMax) << blueShift;
    }

    private static int narrow(int value, int max) {
        return max == 255 ? value : (value * max + 127) / 255;
    }

    /** Writes a pixel value on the wire: {@link #bytesPerPixel()} bytes in this format's byte order. */
    public void put(int pixel, byte[] bytes, int offset) {
        int n = bytesPerPixel();
        for (int i = 0; i < n; i++) {
            int shift = bigEndian ? 8 * (n - 1 - i) : 8 * i;
            bytes[offset + i] = (byte) (pixel >>> shift);
        }
    }

    /** Reads one pixel value of this format from {@code bytes} at {@code offset}. */
    int pixelAt(byte[] bytes, int offset) {
        return switch (bitsPerPixel) {
            case 8 -> bytes[offset] & 0xff;
            case 16 -> bigEndian
                    ? (bytes[offset] & 0xff) << 8 | (bytes[offset + 1] & 0xff)
                    : (bytes[offset + 1] & 0xff) << 8 | (bytes[offset] & 0xff);
            default -> bigEndian
                    ? (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                            | (bytes[offset + 3] & 0xff)
                    : (bytes[offset + 3] & 0xff) << 24 | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 1] & 0xff) << 8
                            | (bytes[offset] & 0xff);
        };
    }
}
