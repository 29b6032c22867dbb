package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TintedGlyphsTest {

    @Test
    void aTileIsTheGlyphBlendedPixelByPixelWhicheverPairsWereAskedForBefore() {
        GlyphCache glyphs = new GlyphCache(8, 20);
        // A table of the fewest entries, so that the pairs below evict one another.
        TintedGlyphs tints = new TintedGlyphs(1 << 20);
        Glyph[] shown = {glyphs.glyph('A', false, false, 1), glyphs.glyph('g', true, false, 1),
                glyphs.glyph(0x4E2D, false, false, 2)};
        for (int round = 0; round < 2; round++) {
            for (int pair = 0; pair < 40; pair++) {
                int foreground = 0x10305 * pair & 0xFFFFFF;
                int background = 0xFFFFFF - (0x20101 * pair & 0xFFFFFF);
                for (Glyph glyph : shown) {
                    assertThat(tints.tile(glyph, foreground, background))
                            .isEqualTo(blended(glyph, foreground, background));
                }
            }
        }
    }

    private static int[] blended(Glyph glyph, int foreground, int background) {
        int[] pixels = new int[glyph.alpha().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Palette.blend(background, foreground, glyph.alpha()[i] & 0xFF);
        }
        return pixels;
    }
}
