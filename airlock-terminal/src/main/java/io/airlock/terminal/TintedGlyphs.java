package io.airlock.terminal;

/**
 * Glyphs already coloured: a glyph's pixels in one foreground on one background, kept in a small
 * direct-mapped table. A screen shows few colour pairs, so nearly every cell is copied a row at a time
 * instead of blended pixel by pixel; a dense recording's cells were most of its rendering time.
 */
final class TintedGlyphs {

    /** Pixels of all tiles together, at most: 4 MB. */
    private static final int BUDGET_PIXELS = 1 << 20;

    private final Glyph[] glyphs;
    private final int[] foregrounds;
    private final int[] backgrounds;
    private final int[][] tiles;
    private final int mask;

    /** A table for glyphs of up to two cells of {@code cellPixels} pixels each. */
    TintedGlyphs(int cellPixels) {
        int entries = Integer.highestOneBit(Math.clamp(BUDGET_PIXELS / (2L * cellPixels), 16, 4096));
        glyphs = new Glyph[entries];
        foregrounds = new int[entries];
        backgrounds = new int[entries];
        tiles = new int[entries][];
        mask = entries - 1;
    }

    /**
     * The glyph's pixels as 0xRRGGBB, row-major and {@code glyph.width()} wide. The array is the table's
     * own and is overwritten by a later call: copy from it before asking for another.
     */
    int[] tile(Glyph glyph, int foreground, int background) {
        int hash = (System.identityHashCode(glyph) * 31 + foreground) * 31 + background;
        int slot = (hash ^ hash >>> 16) & mask;
        if (glyphs[slot] == glyph && foregrounds[slot] == foreground && backgrounds[slot] == background) {
            return tiles[slot];
        }
        byte[] alpha = glyph.alpha();
        int[] tile = tiles[slot];
        if (tile == null || tile.length != alpha.length) {
            tile = new int[alpha.length];
            tiles[slot] = tile;
        }
        for (int i = 0; i < alpha.length; i++) {
            tile[i] = Palette.blend(background, foreground, alpha[i] & 0xFF);
        }
        glyphs[slot] = glyph;
        foregrounds[slot] = foreground;
        backgrounds[slot] = background;
        return tile;
    }
}
