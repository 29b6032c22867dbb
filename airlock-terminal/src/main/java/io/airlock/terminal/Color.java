package io.airlock.terminal;

/**
 * A cell's foreground or background colour as the program asked for it. Palette lookup is left to the
 * renderer, so the same screen can be drawn with any theme.
 */
public sealed interface Color permits Color.Default, Color.Indexed, Color.Rgb {

    /** The terminal's default foreground or background, whichever side the colour is used for. */
    Color DEFAULT = new Default();

    /**
     * Returns the palette colour with the given index.
     *
     * @param index 0-7 standard, 8-15 bright, 16-231 colour cube, 232-255 grey ramp
     * @return the shared instance for that index
     */
    static Color indexed(int index) {
        return Indexed.PALETTE[index & 0xFF];
    }

    /**
     * Returns a 24-bit colour.
     *
     * @param red 0-255
     * @param green 0-255
     * @param blue 0-255
     * @return the colour
     */
    static Color rgb(int red, int green, int blue) {
        return new Rgb(red & 0xFF, green & 0xFF, blue & 0xFF);
    }

    /** The default colour of the side it is used for. */
    record Default() implements Color {
    }

    /**
     * A colour from the 256-entry xterm palette.
     *
     * @param index 0-255
     */
    record Indexed(int index) implements Color {

        // Shared so that SGR-heavy output does not allocate one object per colour change.
        private static final Indexed[] PALETTE = new Indexed[256];

        static {
            for (int i = 0; i < PALETTE.length; i++) {
                PALETTE[i] = new Indexed(i);
            }
        }

        /**
         * Checks the index range.
         *
         * @param index 0-255
         */
        public Indexed {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("palette index out of range: " + index);
            }
        }
    }

    /**
     * A direct 24-bit colour.
     *
     * @param red 0-255
     * @param green 0-255
     * @param blue 0-255
     */
    record Rgb(int red, int green, int blue) implements Color {

        /**
         * Checks the component ranges.
         *
         * @param red 0-255
         * @param green 0-255
         * @param blue 0-255
         */
        public Rgb {
            if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
                throw new IllegalArgumentException("colour component out of range");
            }
        }
    }
}
