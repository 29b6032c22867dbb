package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hextile (RFC 6143 section 7.7.4): 16x16 tiles, each raw or a background with sub-rectangles; the
 * background and foreground colours carry over from tile to tile.
 */
final class HextileDecoder implements RectangleDecoder {

    private static final int TILE = 16;
    private static final int RAW = 1;
    private static final int BACKGROUND_SPECIFIED = 2;
    private static final int FOREGROUND_SPECIFIED = 4;
    private static final int ANY_SUBRECTS = 8;
    private static final int SUBRECTS_COLOURED = 16;

    @Override
    public void decode(Rectangle rect, InputStream in, Framebuffer framebuffer) throws IOException {
        framebuffer.checkInside(rect);
        int[] tile = new int[TILE * TILE];
        int background = 0;
        int foreground = 0;
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int w = Math.min(TILE, rect.width() - tx);
                int h = Math.min(TILE, rect.height() - ty);
                int kind = RfbInput.readU8(in, "Hextile tile type");
                if ((kind & RAW) != 0) {
                    Pixels.readRect(in, framebuffer, x, y, w, h, "Hextile raw tile");
                    continue;
                }
                if ((kind & BACKGROUND_SPECIFIED) != 0) {
                    background = Pixels.read(in, framebuffer, "Hextile background");
                }
                if ((kind & FOREGROUND_SPECIFIED) != 0) {
                    foreground = Pixels.read(in, framebuffer, "Hextile foreground");
                }
                Arrays.fill(tile, 0, w * h, background);
                if ((kind & ANY_SUBRECTS) != 0) {
                    int count = RfbInput.readU8(in, "Hextile sub-rectangle count");
                    for (int i = 0; i < count; i++) {
                        int rgb = (kind & SUBRECTS_COLOURED) != 0
                                ? Pixels.read(in, framebuffer, "Hextile sub-rectangle colour") : foreground;
                        int xy = RfbInput.readU8(in, "Hextile sub-rectangle position");
                        int wh = RfbInput.readU8(in, "Hextile sub-rectangle size");
                        int sx = xy >> 4;
                        int sy = xy & 15;
                        int sw = (wh >> 4) + 1;
                        int sh = (wh & 15) + 1;
                        if (sx + sw > w || sy + sh > h) {
                            throw Pixels.malformed(rect, "Hextile sub-rectangle " + sw + "x" + sh + " at " + sx + ","
                                    + sy + " lies outside its " + w + "x" + h + " tile at " + tx + "," + ty);
                        }
                        for (int row = sy; row < sy + sh; row++) {
                            Arrays.fill(tile, row * w + sx, row * w + sx + sw, rgb);
                        }
                    }
                }
                Pixels.put(framebuffer, x, y, w, h, tile);
            }
        }
    }
}
