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
