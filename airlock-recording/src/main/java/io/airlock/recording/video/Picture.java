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

    /**
     * {@return the first row that may differ from the pixels of the previous {@link #render()} that
     * returned true} Rows outside {@code [changedFrom(), changedTo())} are the same; by default every row
     * may have changed.
     */
    default int changedFrom() {
        return 0;
    }

    /** {@return the row after the last that may have changed; see {@link #changedFrom()}} */
    default int changedTo() {
        return height();
    }
}
