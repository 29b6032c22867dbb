package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void aPairThatDiffersEnoughInLumaKeepsItsColours() {
        assertThat(Palette.legible(0xE5E5E5, 0x000000, 96)).isEqualTo(0xE5E5E5);
        assertThat(Palette.legible(0x000000, 0xFFFF00, 96)).isEqualTo(0x000000);
    }

    @Test
    void darkTextOnADarkBackgroundIsLightenedKeepingItsHue() {
        int blue = Palette.legible(0x0000EE, 0x000000, 96);

        assertThat(Palette.luma(blue)).isGreaterThanOrEqualTo(95);
        assertThat(blue & 0xFF).as("still mostly blue").isGreaterThan(blue >> 16 & 0xFF);
    }

    @Test
    void lightTextOnALightBackgroundIsDarkened() {
        // White on the 256-colour cube's pale green (index 157).
        int text = Palette.legible(0xFFFFFF, 0xAFFFAF, 96);

        assertThat(Palette.luma(0xAFFFAF) - Palette.luma(text)).isGreaterThanOrEqualTo(95);
    }

    @Test
    void textInTheColourOfItsBackgroundBecomesVisible() {
        int text = Palette.legible(0x0000EE, 0x0000EE, 96);

        assertThat(Math.abs(Palette.luma(text) - Palette.luma(0x0000EE))).isGreaterThanOrEqualTo(95);
    }
}
