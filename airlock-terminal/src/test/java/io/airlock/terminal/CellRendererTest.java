package io.airlock.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CellRendererTest {

    private static int pixel(CellRenderer renderer, int x, int y) {
        return renderer.pixels()[y * renderer.width() + x];
    }

    private static boolean cellHasColour(CellRenderer renderer, int row, int column, int cells, int rgb) {
        for (int y = row * 20; y < row * 20 + 20; y++) {
            for (int x = column * 8; x < (column + cells) * 8; x++) {
                if (pixel(renderer, x, y) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Antialiased glyphs rarely cover a pixel fully, so look for pixels where red clearly dominates. */
    private static boolean cellHasReddishInk(CellRenderer renderer, int row, int column) {
        for (int y = row * 20; y < row * 20 + 20; y++) {
            for (int x = column * 8; x < column * 8 + 8; x++) {
                int rgb = pixel(renderer, x, y);
                if ((rgb >> 16 & 0xFF) > (rgb & 0xFF) + 40) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void eightyByTwentyFourMakesASixHundredFortyByFourHundredEightyFrame() {
        CellRenderer renderer = new CellRenderer(new Terminal(80, 24));
        assertThat(renderer.render()).isTrue();
        assertThat(renderer.width()).isEqualTo(640);
        assertThat(renderer.height()).isEqualTo(480);
        assertThat(renderer.pixels()).hasSize(640 * 480);
        assertThat(pixel(renderer, 639, 479)).isEqualTo(Palette.DEFAULT_BACKGROUND);
    }

    @Test
    void textIsDrawnInItsColoursOverItsBackground() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[31;44mX\u001b[m\u001b[?25l");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(pixel(renderer, 0, 0)).isEqualTo(0x0000EE);
        assertThat(cellHasReddishInk(renderer, 0, 0)).isTrue();
        assertThat(cellHasReddishInk(renderer, 0, 1)).isFalse();
    }

    @Test
    void concealedTextStaysHiddenWhateverItsColours() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[8;34;44mX\u001b[m\u001b[?25l");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(pixel(renderer, x, y)).isEqualTo(0x0000EE);
            }
        }
    }

    @Test
    void boldMakesStandardColoursBright() {
        Terminal term = new Terminal(10, 2);
        // Yellow rather than red: bright red is lifted for contrast on black (darkColoursAreLiftedOffABlackBackground).
        term.feed("\u001b[1;33mX\u001b[?25l");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(cellHasColour(renderer, 0, 0, 1, 0xFFFF00)).isTrue();
    }

    @Test
    void darkColoursAreLiftedOffABlackBackground() {
        Terminal term = new Terminal(10, 2);
        // A full block, which covers every pixel of its cell.
        term.feed("\u001b[34m\u2588\u001b[?25l");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(cellHasColour(renderer, 0, 0, 1, 0x0000EE)).isFalse();
        assertThat(cellHasColour(renderer, 0, 0, 1, Palette.legible(0x0000EE, 0, CellRenderer.MINIMUM_LUMA_DIFFERENCE)))
                .isTrue();
    }

    @Test
    void boxDrawingLinesReachTheCellEdgesCrisply() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b(0qqx\u001b(B\u001b[?25l");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        int middle = 9;
        for (int x = 0; x < 16; x++) {
            assertThat(pixel(renderer, x, middle)).as("x=%d", x).isEqualTo(Palette.DEFAULT_FOREGROUND);
        }
        for (int y = 0; y < 20; y++) {
            assertThat(pixel(renderer, 16 + 3, y)).as("y=%d", y).isEqualTo(Palette.DEFAULT_FOREGROUND);
        }
    }

    @Test
    void cursorIsABlockInReverseVideo() {
        Terminal term = new Terminal(10, 2);
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(pixel(renderer, 0, 0)).isEqualTo(Palette.DEFAULT_FOREGROUND);
        term.feed("\u001b[?25l");
        assertThat(renderer.render()).isTrue();
        assertThat(pixel(renderer, 0, 0)).isEqualTo(Palette.DEFAULT_BACKGROUND);
    }

    @Test
    void onlyChangedCellsAreRedrawn() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?25lhello");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(renderer.render()).isFalse();
        // Paint a marker outside the cell that will change; a full redraw would wipe it out.
        renderer.pixels()[renderer.width() * 30 + 70] = 0x123456;
        int[] before = renderer.pixels().clone();
        term.feed("\u001b[1;2Ha");
        assertThat(renderer.render()).isTrue();
        int[] after = renderer.pixels();
        assertThat(after[renderer.width() * 30 + 70]).isEqualTo(0x123456);
        assertThat(Arrays.equals(before, after)).isFalse();
    }

    @Test
    void theRowsARenderDrewIntoAreNamedAndNoOthersChanged() {
        Terminal term = new Terminal(10, 6);
        term.feed("\u001b[?25lhello");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(renderer.changedFrom()).isZero();
        assertThat(renderer.changedTo()).as("the first frame, whole").isEqualTo(6 * 20);

        int[] before = renderer.pixels().clone();
        term.feed("\u001b[3;2Ha\u001b[4;5Hb");
        assertThat(renderer.render()).isTrue();
        assertThat(renderer.changedFrom()).isEqualTo(2 * 20);
        assertThat(renderer.changedTo()).isEqualTo(4 * 20);
        int[] after = renderer.pixels();
        int rowPixels = renderer.width() * 20;
        assertThat(Arrays.equals(before, 0, 2 * rowPixels, after, 0, 2 * rowPixels)).isTrue();
        assertThat(Arrays.equals(before, 4 * rowPixels, 6 * rowPixels, after, 4 * rowPixels, 6 * rowPixels)).isTrue();
        assertThat(Arrays.equals(before, after)).isFalse();

        assertThat(renderer.render()).isFalse();
        assertThat(renderer.changedTo()).as("nothing drawn").isZero();
    }

    @Test
    void wideCharactersSpanTwoCells() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?25l\u001b[42m漢\u001b[m");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        assertThat(pixel(renderer, 15, 0)).isEqualTo(0x00CD00);
        assertThat(pixel(renderer, 16, 0)).isEqualTo(Palette.DEFAULT_BACKGROUND);
    }

    @Test
    void resizeReallocatesTheFrame() {
        Terminal term = new Terminal(10, 2);
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        term.resize(20, 3);
        assertThat(renderer.render()).isTrue();
        assertThat(renderer.width()).isEqualTo(160);
        assertThat(renderer.height()).isEqualTo(60);
    }

    @Test
    void blankCellsOfOnePenAreFilledTogetherAndTheCursorAmongThemStaysAReversedBlock() {
        Terminal term = new Terminal(12, 2);
        term.feed("\u001b[44m    \u001b[42m  \u001b[4m   \u001b[m\u001b[1;3H");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();

        for (int column : new int[] {0, 1, 3}) {
            assertThat(pixel(renderer, column * 8 + 4, 10)).as("column %d", column).isEqualTo(0x0000EE);
        }
        assertThat(pixel(renderer, 2 * 8 + 4, 10)).as("the cursor").isEqualTo(Palette.DEFAULT_FOREGROUND);
        assertThat(pixel(renderer, 4 * 8, 0)).isEqualTo(0x00CD00);
        assertThat(pixel(renderer, 5 * 8 + 7, 19)).isEqualTo(0x00CD00);
        for (int x = 6 * 8; x < 9 * 8; x++) {
            assertThat(pixel(renderer, x, 18)).as("underline at x=%d", x).isEqualTo(Palette.DEFAULT_FOREGROUND);
            assertThat(pixel(renderer, x, 10)).isEqualTo(0x00CD00);
        }
        assertThat(pixel(renderer, 9 * 8, 18)).isEqualTo(Palette.DEFAULT_BACKGROUND);

        term.feed("\u001b[1;5H");
        renderer.render();
        assertThat(pixel(renderer, 2 * 8 + 4, 10)).as("the cell the cursor left").isEqualTo(0x0000EE);
        assertThat(pixel(renderer, 4 * 8 + 4, 10)).as("the cursor").isEqualTo(Palette.DEFAULT_FOREGROUND);
    }

    @Test
    void underlineAndStrikethroughAreSolidLinesAcrossTheCell() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?25l\u001b[4m \u001b[24;9m \u001b[m");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        for (int x = 0; x < 8; x++) {
            assertThat(pixel(renderer, x, 18)).isEqualTo(Palette.DEFAULT_FOREGROUND);
            assertThat(pixel(renderer, 8 + x, 10)).isEqualTo(Palette.DEFAULT_FOREGROUND);
        }
    }

    @Test
    void italicIsSlanted() {
        Terminal term = new Terminal(10, 2);
        term.feed("\u001b[?25ll\u001b[3ml");
        CellRenderer renderer = new CellRenderer(term);
        renderer.render();
        int[] upright = new int[8 * 20];
        int[] slanted = new int[8 * 20];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 8; x++) {
                upright[y * 8 + x] = pixel(renderer, x, y);
                slanted[y * 8 + x] = pixel(renderer, 8 + x, y);
            }
        }
        assertThat(slanted).isNotEqualTo(upright);
    }
}
