package io.airlock.terminal;

/**
 * Turns {@link Color}s into RGB with xterm's default 256-colour palette on a dark background, the look
 * an operator's terminal most likely had. Bold makes the eight standard colours bright, as xterm does.
 */
final class Palette {

    static final int DEFAULT_FOREGROUND = 0xE5E5E5;
    static final int DEFAULT_BACKGROUND = 0x000000;

    private static final int[] STANDARD = {
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    };
    private static final int[] CUBE_LEVELS = {0, 95, 135, 175, 215, 255};
    private static final int[] INDEXED = new int[256];

    static {
        System.arraycopy(STANDARD, 0, INDEXED, 0, STANDARD.length);
        for (int i = 16; i < 232; i++) {
            int n = i - 16;
            INDEXED[i] = CUBE_LEVELS[n / 36] << 16 | CUBE_LEVELS[n / 6 % 6] << 8 | CUBE_LEVELS[n % 6];
        }
        for (int i = 232; i < 256; i++) {
            int grey = 8 + 10 * (i - 232);
            INDEXED[i] = grey << 16 | grey << 8 | grey;
        }
    }

    private Palette() {
    }

    static int foreground(Color color, boolean bold) {
        return switch (color) {
            case Color.Default ignored -> DEFAULT_FOREGROUND;
            case Color.Indexed indexed -> INDEXED[bold && indexed.index() < 8 ? indexed.index() + 8 : indexed.index()];
            case Color.Rgb rgb -> rgb(rgb);
        };
    }

    static int background(Color color) {
        return switch (color) {
            case Color.Default ignored -> DEFAULT_BACKGROUND;
            case Color.Indexed indexed -> INDEXED[indexed.index()];
            case Color.Rgb rgb -> rgb(rgb);
        };
    }

    private static int rgb(Color.Rgb rgb) {
        return rgb.red() << 16 | rgb.green() << 8 | rgb.blue();
    }

    /**
     * The foreground moved towards white or black until it differs from the background by at least
     * {@code minimumLuma} in luma (BT.601, 0-255), keeping its hue; a pair that already differs that much
     * is returned unchanged. A video stores colour at half resolution and luma at full, so a stroke one
     * pixel wide is only as visible as its luma difference: xterm's blue on black (a difference of 20)
     * is a dark smear once encoded, and white on a light cube colour vanishes.
     */
    static int legible(int foreground, int background, int minimumLuma) {
        int fy = luma(foreground);
        int by = luma(background);
        if (Math.abs(fy - by) >= minimumLuma) {
            return foreground;
        }
        // Towards whichever end leaves room for the difference: light text on dark, dark text on light.
        if (by + minimumLuma <= 255 && (by < 128 || by - minimumLuma < 0)) {
            int alpha = fy >= 255 ? 255 : Math.min(255, ((by + minimumLuma - fy) * 255 + 254 - fy) / (255 - fy));
            return blend(foreground, 0xFFFFFF, alpha);
        }
        int target = Math.max(0, by - minimumLuma);
        int alpha = fy == 0 ? 255 : Math.min(255, ((fy - target) * 255 + fy - 1) / fy);
        return blend(foreground, 0x000000, alpha);
    }

    /** BT.601 luma of an RGB colour, 0-255. */
    static int luma(int rgb) {
        return (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF) + 500) / 1000;
    }

    /** Mixes {@code over} onto {@code under} with coverage {@code alpha} (0-255). */
    static int blend(int under, int over, int alpha) {
        if (alpha == 0) {
            return under;
        }
        if (alpha == 255) {
            return over;
        }
        int red = ((under >> 16 & 0xFF) * (255 - alpha) + (over >> 16 & 0xFF) * alpha) / 255;
        int green = ((under >> 8 & 0xFF) * (255 - alpha) + (over >> 8 & 0xFF) * alpha) / 255;
        int blue = ((under & 0xFF) * (255 - alpha) + (over & 0xFF) * alpha) / 255;
        return red << 16 | green << 8 | blue;
    }
}
