package io.airlock.recording.video;

/**
 * The one video format recordings become: what the review player and the evidence rules expect.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param framesPerSecond the frame rate of the time grid every frame sits on
 * @param keyframeTicks the longest distance between keyframes, in frames, so a player can seek anywhere
 *     within that much decoding
 */
record VideoSpec(int width, int height, int framesPerSecond, int keyframeTicks) {

    /** 640x480, 25 fps, a keyframe at least every 2 s. */
    static final VideoSpec EVIDENCE = new VideoSpec(640, 480, 25, 50);

    /** The frame (tick) on which something that happened at {@code seconds} is first shown. */
    long tickAt(double seconds) {
        return (long) Math.floor(seconds * framesPerSecond);
    }

    /** How many ticks a recording lasting {@code seconds} spans; at least one frame. */
    long ticksFor(double seconds) {
        return Math.max(1, Math.round(seconds * framesPerSecond));
    }
}
