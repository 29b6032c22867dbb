package io.airlock.rfb;

/**
 * The pointer's picture as the Cursor pseudo-encoding sends it (RFC 6143 section 7.8.1).
 *
 * @param hotX where the pointer position lies within the picture, from its left edge
 * @param hotY from its top edge
 * @param width picture width
 * @param height picture height
 * @param argb row-major pixels, 0xFF000000 set where the mask shows the pixel, 0 where it is transparent
 */
public record CursorShape(int hotX, int hotY, int width, int height, int[] argb) {

    /** The cursor picture may be at most this wide and high; real ones are 16 to 64 pixels. */
    static final int MAX_SIDE = 256;

    public CursorShape {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for a " + width + "x" + height + " cursor");
        }
    }
}
