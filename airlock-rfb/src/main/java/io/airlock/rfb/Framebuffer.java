package io.airlock.rfb;

import java.util.Arrays;
import java.util.Optional;

/**
 * The remote screen as the client knows it: 0xRRGGBB pixels, row-major, the pixel format and colour map
 * that incoming pixel values are read with, the cursor shape and where the pointer is. Its size is
 * bounded ({@link #MAX_SIDE}, {@link #MAX_PIXELS}) so that a hostile server cannot make the client
 * allocate more than 64 MB for it.
 */
public final class Framebuffer {

    /** Longest side accepted, in pixels. */
    public static final int MAX_SIDE = 8192;

    /** Most pixels accepted: 16 M, 64 MB of ints (for example 4096x4096 or 8192x2048). */
    public static final int MAX_PIXELS = 1 << 24;

    /** Colour map entries kept: a 16-bit pixel value indexes at most this many. */
    static final int MAX_COLOURS = 1 << 16;

    private PixelFormat format;
    private int width;
    private int height;
    private int[] pixels;
    private int[] colourMap = new int[0];
    private CursorShape cursor;
    private int pointerX;
    private int pointerY;
    private long changes;
    private Damage damage;

    /**
     * @throws RfbException with {@link RfbException.Reason#MALFORMED_MESSAGE} when the size is out of bounds
     */
    public Framebuffer(int width, int height, PixelFormat format) throws RfbException {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        this.format = format;
        this.damage = new Damage(width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {@return the pixels, 0xRRGGBB row-major; the live array, to be read and not kept across changes} */
    public int[] pixels() {
        return pixels;
    }

    public PixelFormat pixelFormat() {
        return format;
    }

    /** Takes the format the client asked the server for with SetPixelFormat; later pixels are read in it. */
    public void setPixelFormat(PixelFormat format) {
        this.format = format;
    }

    /** {@return the cursor shape the server sent last, if any} */
    public Optional<CursorShape> cursor() {
        return Optional.ofNullable(cursor);
    }

    public int pointerX() {
        return pointerX;
    }

    public int pointerY() {
        return pointerY;
    }

    /** {@return a number that grows with every change of pixels, size, cursor or pointer position} */
    public long changes() {
        return changes;
    }

    /**
     * {@return what changed on the screen since the last call, its size the screen's now; a change of size
     * damages the whole screen}
     */
    public Damage takeDamage() {
        Damage taken = damage;
        damage = new Damage(width, height);
        return taken;
    }

    /** Moves the pointer, which is where the cursor is drawn. */
    public void movePointer(int x, int y) {
        if (x != pointerX || y != pointerY) {
            pointerX = x;
            pointerY = y;
            changes++;
        }
    }

    /** Changes the size; the new screen is black until the server draws it, as after a DesktopSize. */
    void resize(int newWidth, int newHeight) throws RfbException {
        checkSize(newWidth, newHeight);
        width = newWidth;
        height = newHeight;
        pixels = new int[newWidth * newHeight];
        damage = new Damage(newWidth, newHeight);
        damage.addAll();
        changes++;
    }

    void setCursor(CursorShape shape) {
        cursor = shape;
        changes++;
    }

    /** Sets colour map entries as 0xRRGGBB; the map grows to hold them. */
    void setColours(int first, int[] rgb) throws RfbException {
        if ((long) first + rgb.length > MAX_COLOURS) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE, "colour map entries " + first + " to "
                    + (first + rgb.length - 1) + " lie beyond the " + MAX_COLOURS + " a pixel value can index");
        }
        if (colourMap.length < first + rgb.length) {
            colourMap = Arrays.copyOf(colourMap, first + rgb.length);
        }
        System.arraycopy(rgb, 0, colourMap, first, rgb.length);
        changes++;
    }

    /** Converts a pixel value of the current format to 0xRRGGBB; unset colour map entries are black. */
    int rgb(int pixel) {
        if (format.trueColour()) {
            return format.trueColourToRgb(pixel);
        }
        return pixel >= 0 && pixel < colourMap.length ? colourMap[pixel] : 0;
    }

    /** Reads one pixel of the current format from {@code bytes} and converts it to 0xRRGGBB. */
    int rgbAt(byte[] bytes, int offset) {
        return rgb(format.pixelAt(bytes, offset));
    }

    /**
     * Checks that a rectangle lies inside the screen.
     *
     * @throws RfbException with {@link RfbException.Reason#MALFORMED_MESSAGE} when it does not
     */
    void checkInside(Rectangle r) throws RfbException {
        if ((long) r.x() + r.width() > width || (long) r.y() + r.height() > height) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                    r + " lies outside the " + width + "x" + height + " framebuffer");
        }
    }

    void fill(int x, int y, int w, int h, int rgb) {
        for (int row = y; row < y + h; row++) {
            int start = row * width + x;
            Arrays.fill(pixels, start, start + w, rgb);
        }
        damage.add(x, y, w, h);
        changes++;
    }

    /** Copies {@code count} pixels of one row from {@code rgb} to (x, y). */
    void putRow(int x, int y, int[] rgb, int offset, int count) {
        System.arraycopy(rgb, offset, pixels, y * width + x, count);
        damage.add(x, y, count, 1);
        changes++;
    }

    /** Copies a w x h area within the screen, as CopyRect does; the areas may overlap. */
    void copy(int fromX, int fromY, int x, int y, int w, int h) {
        boolean downwards = fromY < y;
        for (int i = 0; i < h; i++) {
            int row = downwards ? h - 1 - i : i;
            System.arraycopy(pixels, (fromY + row) * width + fromX, pixels, (y + row) * width + x, w);
        }
        damage.add(x, y, w, h);
        changes++;
    }

    private static void checkSize(int w, int h) throws RfbException {
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE, "framebuffer size " + w + "x" + h
                    + " is out of bounds (1 to " + MAX_SIDE + " a side, at most " + MAX_PIXELS + " pixels)");
        }
    }
}
