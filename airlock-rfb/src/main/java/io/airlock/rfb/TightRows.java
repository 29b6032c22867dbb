package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;

/** Turns one row of Tight basic data into 0xRRGGBB, as its filter (copy, palette or gradient) says. */
abstract class TightRows {

    private final int rowBytes;

    private TightRows(int rowBytes) {
        this.rowBytes = rowBytes;
    }

    int rowBytes() {
        return rowBytes;
    }

    abstract void decode(Rectangle rect, byte[] row, int[] rgb) throws RfbException;

    static TightRows copy(Framebuffer framebuffer, int width) {
        int size = TightPixels.size(framebuffer.pixelFormat());
        return new TightRows(width * size) {
            @Override
            void decode(Rectangle rect, byte[] row, int[] rgb) {
                for (int x = 0; x < width; x++) {
                    rgb[x] = TightPixels.rgbAt(framebuffer, row, x * size);
                }
            }
        };
    }

    /** Two colours come one bit a pixel, rows padded to whole bytes; up to 256 colours one byte a pixel. */
    static TightRows palette(InputStream in, Framebuffer framebuffer, int width) throws IOException {
        int colours = RfbInput.readU8(in, "Tight palette size") + 1;
        int[] palette = new int[colours];
        for (int i = 0; i < colours; i++) {
            palette[i] = TightPixels.read(in, framebuffer);
        }
        boolean bits = colours <= 2;
        return new TightRows(bits ? (width + 7) / 8 : width) {
            @Override
            void decode(Rectangle rect, byte[] row, int[] rgb) throws RfbException {
                for (int x = 0; x < width; x++) {
                    int index = bits ? (row[x >> 3] >> (7 - (x & 7))) & 1 : row[x] & 0xff;
                    if (index >= colours) {
                        throw Pixels.malformed(rect, "Tight palette index " + index + " beyond its " + colours + " colours");
                    }
                    rgb[x] = palette[index];
                }
            }
        };
    }

    /**
     * Each component is sent as the difference from a prediction: left + above - above-left, clamped to
     * the component's range, the sum taken modulo that range.
     */
    static TightRows gradient(Framebuffer framebuffer, int width) {
        PixelFormat format = framebuffer.pixelFormat();
        boolean tight = format.hasTightPixel();
        int size = TightPixels.size(format);
        int[] max = tight ? new int[] {255, 255, 255} : new int[] {format.redMax(), format.greenMax(), format.blueMax()};
        int[] shift = tight ? new int[] {16, 8, 0} : new int[] {format.redShift(), format.greenShift(), format.blueShift()};
        int[] above = new int[width * 3];
        int[] current = new int[width * 3];
        return new TightRows(width * size) {
            private int[] previous = above;
            private int[] now = current;

            @Override
            void decode(Rectangle rect, byte[] row, int[] rgb) {
                for (int x = 0; x < width; x++) {
                    int value = tight
                            ? (row[x * 3] & 0xff) << 16 | (row[x * 3 + 1] & 0xff) << 8 | (row[x * 3 + 2] & 0xff)
                            : format.pixelAt(row, x * size);
                    int pixel = 0;
                    for (int c = 0; c < 3; c++) {
                        int left = x > 0 ? now[(x - 1) * 3 + c] : 0;
                        int up = previous[x * 3 + c];
                        int upLeft = x > 0 ? previous[(x - 1) * 3 + c] : 0;
                        int predicted = Math.clamp(left + up - upLeft, 0, max[c]);
                        int component = (predicted + (value >>> shift[c] & max[c])) & max[c];
                        now[x * 3 + c] = component;
                        pixel |= component << shift[c];
                    }
                    rgb[x] = tight ? pixel : framebuffer.rgb(pixel);
                }
                int[] swap = previous;
                previous = now;
                now = swap;
            }
        };
    }
}
