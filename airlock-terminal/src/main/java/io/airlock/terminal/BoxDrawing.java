package io.airlock.terminal;

/**
 * Draws line-drawing and block characters from geometry instead of the font, so that lines meet
 * exactly at cell edges and boxes look closed, whatever the font's metrics are. Covers the light and
 * heavy single lines, rounded corners, half and full blocks and shades; other characters return null
 * and come from the font.
 */
final class BoxDrawing {

    private static final int UP = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 4;
    private static final int RIGHT = 8;

    private BoxDrawing() {
    }

    static Glyph draw(int codePoint, int width, int height) {
        int light = lineArms(codePoint);
        if (light != 0) {
            return lines(light & 0xF, (light & 0x10) != 0 ? 2 : 1, width, height);
        }
        return switch (codePoint) {
            case 0x2580 -> block(0, 0, width, height / 2, 255, width, height);
            case 0x2584 -> block(0, height / 2, width, height, 255, width, height);
            case 0x2588 -> block(0, 0, width, height, 255, width, height);
            case 0x258C -> block(0, 0, width / 2, height, 255, width, height);
            case 0x2590 -> block(width / 2, 0, width, height, 255, width, height);
            case 0x2591 -> block(0, 0, width, height, 64, width, height);
            case 0x2592 -> block(0, 0, width, height, 128, width, height);
            case 0x2593 -> block(0, 0, width, height, 192, width, height);
            default -> null;
        };
    }

    /** Arms of the single-line characters; bit 0x10 marks the heavy variants. */
    private static int lineArms(int c) {
        return switch (c) {
            case 0x2500 -> LEFT | RIGHT;
            case 0x2502 -> UP | DOWN;
            case 0x250C, 0x256D -> DOWN | RIGHT;
            case 0x2510, 0x256E -> DOWN | LEFT;
            case 0x2514, 0x2570 -> UP | RIGHT;
            case 0x2518, 0x256F -> UP | LEFT;
            case 0x251C -> UP | DOWN | RIGHT;
            case 0x2524 -> UP | DOWN | LEFT;
            case 0x252C -> DOWN | LEFT | RIGHT;
            case 0x2534 -> UP | LEFT | RIGHT;
            case 0x253C -> UP | DOWN | LEFT | RIGHT;
            case 0x2501 -> 0x10 | LEFT | RIGHT;
            case 0x2503 -> 0x10 | UP | DOWN;
            case 0x250F -> 0x10 | DOWN | RIGHT;
            case 0x2513 -> 0x10 | DOWN | LEFT;
            case 0x2517 -> 0x10 | UP | RIGHT;
            case 0x251B -> 0x10 | UP | LEFT;
            case 0x2523 -> 0x10 | UP | DOWN | RIGHT;
            case 0x252B -> 0x10 | UP | DOWN | LEFT;
            case 0x2533 -> 0x10 | DOWN | LEFT | RIGHT;
            case 0x253B -> 0x10 | UP | LEFT | RIGHT;
            case 0x254B -> 0x10 | UP | DOWN | LEFT | RIGHT;
            default -> 0;
        };
    }

    private static Glyph lines(int arms, int thickness, int width, int height) {
        byte[] alpha = new byte[width * height];
        int x0 = (width - thickness) / 2;
        int y0 = (height - thickness) / 2;
        if ((arms & LEFT) != 0) {
            fill(alpha, width, 0, y0, x0 + thickness, y0 + thickness, 255);
        }
        if ((arms & RIGHT) != 0) {
            fill(alpha, width, x0, y0, width, y0 + thickness, 255);
        }
        if ((arms & UP) != 0) {
            fill(alpha, width, x0, 0, x0 + thickness, y0 + thickness, 255);
        }
        if ((arms & DOWN) != 0) {
            fill(alpha, width, x0, y0, x0 + thickness, height, 255);
        }
        return new Glyph(width, height, alpha);
    }

    private static Glyph block(int x0, int y0, int x1, int y1, int coverage, int width, int height) {
        byte[] alpha = new byte[width * height];
        fill(alpha, width, x0, y0, x1, y1, coverage);
        return new Glyph(width, height, alpha);
    }

    private static void fill(byte[] alpha, int width, int x0, int y0, int x1, int y1, int coverage) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                alpha[y * width + x] = (byte) coverage;
            }
        }
    }
}
