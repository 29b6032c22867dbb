package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlyphCacheTest {

    @Test
    void aCharacterIsRasterisedOnceAndThenLookedUpByItsCodePoint() {
        GlyphCache cache = new GlyphCache(8, 20);
        Glyph first = cache.glyph('A', false, false, 1);

        assertThat(cache.glyph('A', false, false, 1)).isSameAs(first);
        assertThat(cache.glyph('A', true, false, 1)).isNotSameAs(first);
        assertThat(cache.glyph('A', false, true, 1)).isNotSameAs(first);
        assertThat(cache.glyph(0x1F600, false, false, 2).width()).isEqualTo(16);
    }

    @Test
    void cachesOfOneCellSizeShareTheGlyphsEitherDrew() {
        Glyph drawn = new GlyphCache(7, 17).glyph('Q', false, false, 1);

        assertThat(new GlyphCache(7, 17).glyph('Q', false, false, 1)).isSameAs(drawn);
        assertThat(new GlyphCache(7, 18).glyph('Q', false, false, 1)).isNotSameAs(drawn);
        assertThat(new GlyphCache(7, 17).glyph('Q', true, false, 1)).isNotSameAs(drawn);
    }

    @Test
    void manyDifferentCharactersKeepTheCacheBoundedAndCorrect() {
        GlyphCache cache = new GlyphCache(5, 11);
        Glyph a = cache.glyph('a', false, false, 1);
        for (int c = 0x4E00; c < 0x4E00 + 5000; c++) {
            cache.glyph(c, false, false, 2);
        }
        Glyph again = cache.glyph('a', false, false, 1);

        assertThat(again.alpha()).isEqualTo(a.alpha());
    }

    @Test
    void smallCellsGetDarkerStrokesThanAPlainRasterisation() {
        Glyph small = new GlyphCache(5, 11).glyph('e', false, false, 1);
        int solid = 0;
        for (byte alpha : small.alpha()) {
            if ((alpha & 0xFF) >= 160) {
                solid++;
            }
        }
        // An 'e' five pixels wide still has a readable ring of strong pixels.
        assertThat(solid).isGreaterThanOrEqualTo(8);
    }

    @Test
    void boxDrawingMeetsTheCellEdgesAtSmallCellsToo() {
        Glyph cross = new GlyphCache(5, 11).glyph(0x253C, false, false, 1);

        assertThat(cross.coverage(0, 5)).isEqualTo(255);
        assertThat(cross.coverage(4, 5)).isEqualTo(255);
        assertThat(cross.coverage(2, 0)).isEqualTo(255);
        assertThat(cross.coverage(2, 10)).isEqualTo(255);
    }

    @Test
    void combiningCharactersAreDrawnAsOneGlyph() {
        GlyphCache cache = new GlyphCache(8, 20);
        Glyph accented = cache.glyph("e\u0301", false, false, 1);

        assertThat(cache.glyph("e\u0301", false, false, 1)).isSameAs(accented);
        assertThat(accented.alpha()).isNotEqualTo(cache.glyph('e', false, false, 1).alpha());
    }
}
