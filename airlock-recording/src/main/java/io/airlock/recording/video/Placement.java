package io.airlock.recording.video;

/**
 * Where a terminal's frame goes inside the video: scaled to fit with its aspect kept (but not enlarged
 * by less than {@link #MIN_UPSCALE}), centred, the rest left black. Every number is even because yuv420p stores colour once per 2x2 pixels.
 *
 * @param x left edge in the video
 * @param y top edge in the video
 * @param width scaled width
 * @param height scaled height
 */
record Placement(int x, int y, int width, int height) {

    /** A frame that fits is enlarged only by at least this much; a smaller stretch is left as bars. */
    static final double MIN_UPSCALE = 1.5;

    static Placement fit(int sourceWidth, int sourceHeight, int videoWidth, int videoHeight) {
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException("empty frame " + sourceWidth + "x" + sourceHeight);
        }
        double scale = Math.min((double) videoWidth / sourceWidth, (double) videoHeight / sourceHeight);
        if (scale > 1 && scale < MIN_UPSCALE) {
            // Stretching a frame by a fraction of a pixel per pixel only blurs its sharp glyphs.
            scale = 1;
        }
        int width = Math.clamp(even(Math.round(sourceWidth * scale)), 2, videoWidth);
        int height = Math.clamp(even(Math.round(sourceHeight * scale)), 2, videoHeight);
        return new Placement(even((videoWidth - width) / 2), even((videoHeight - height) / 2), width, height);
    }

    boolean scales(int sourceWidth, int sourceHeight) {
        return width != sourceWidth || height != sourceHeight;
    }

    private static int even(long value) {
        return (int) (value & ~1L);
    }
}
