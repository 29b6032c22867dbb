package io.airlock.terminal;

/**
 * A character's coverage mask for one or two cells: one byte of alpha per pixel, row-major.
 *
 * @param width pixel width, a whole number of cells
 * @param height pixel height of a cell
 * @param alpha coverage, 0 (background) to 255 (foreground), as unsigned bytes
 */
record Glyph(int width, int height, byte[] alpha) {

    int coverage(int x, int y) {
        return alpha[y * width + x] & 0xFF;
    }
}
