package io.airlock.recording.video;

/** What a recording shows at the current point of its replay, drawn as 0xRRGGBB pixels for the video. */
interface Picture {

    /**
     * Brings the pixels up to date.
     *
     * @return true when they may have changed since the last call
     */
    boolean render();

    /** {@return the pixels, row-major, {@link #width()} by {@link #height()}} */
    int[] pixels();

    int width();

    int height();
}
