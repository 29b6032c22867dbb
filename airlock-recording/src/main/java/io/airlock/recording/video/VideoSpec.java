package io.airlock.recording.video;

/**
 * The one video format recordings become: what the review player and the evidence rules expect.
 *
 * <p>Keyframes are the trade-off between seeking and size. A player seeks by decoding from the last
 * keyframe at or before the target, so the frames between two keyframes are what a seek may cost; a
 * keyframe of a terminal screen costs about 9 KB (3 to 50 KB), a frame that only repeats the picture
 * before it a few dozen bytes. Hence two bounds: while the screen changes, keyframes come at most
 * {@link #keyframeTicks()} apart, so a seek decodes at most that many frames; while the screen stands
 * still, the picture is repeated as cheap frames that reference a keyframe of that very picture, and
 * keyframes come only every {@link #idleKeyframeTicks()}, so a seek into an idle stretch decodes one
 * keyframe and a handful of repeats of it.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param framesPerSecond the frame rate of the time grid every frame sits on
 * @param keyframeTicks the longest distance between keyframes, in frames, when any frame between them
 *     shows a picture other than the first one's; also how often an unchanged picture is repeated
 * @param idleKeyframeTicks the longest distance between keyframes, in frames, when every frame between
 *     them repeats the first one's picture; a multiple of {@code keyframeTicks}
 * @param everyTick true for a constant frame rate: a frame on every tick of the grid, the unchanged ones
 *     repeats of the picture before (skip frames); false for frames only where the picture changed and
 *     the repeats of {@link FrameScheduler}
 */
record VideoSpec(int width, int height, int framesPerSecond, int keyframeTicks, int idleKeyframeTicks,
        boolean everyTick) {

    /**
     * 640x480, 25 fps; a keyframe at least every 2 s while the screen changes, every 30 s while it stands
     * still. On the realistic hour of {@link BenchmarkRecordings#writeRealisticHour} (16 minutes of
     * activity in bursts between 60 s gaps) 30 s makes the file a third smaller than a keyframe every
     * 2 s throughout (20.9 to 13.1 MB); 10 s saves a fifth less (14.8 MB), and 60 s or more only another
     * 4 % (12.5 MB), at up to 29 repeats to decode per seek. With 30 s a seek never decodes more than 50
     * frames, as before: 2 s of changes, or a keyframe and at most 14 repeats of it.
     */
    static final VideoSpec EVIDENCE = new VideoSpec(640, 480, 25, 50, 750, false);

    /** {@return this format with a frame on every tick} */
    VideoSpec withEveryTick() {
        return new VideoSpec(width, height, framesPerSecond, keyframeTicks, idleKeyframeTicks, true);
    }

    VideoSpec {
        if (keyframeTicks < 1 || idleKeyframeTicks < keyframeTicks || idleKeyframeTicks % keyframeTicks != 0) {
            throw new IllegalArgumentException("idle keyframe distance " + idleKeyframeTicks
                    + " is not a multiple of " + keyframeTicks);
        }
    }

    /** The frame (tick) on which something that happened at {@code seconds} is first shown. */
    long tickAt(double seconds) {
        return (long) Math.floor(seconds * framesPerSecond);
    }

    /** How many ticks a recording lasting {@code seconds} spans; at least one frame. */
    long ticksFor(double seconds) {
        return Math.max(1, Math.round(seconds * framesPerSecond));
    }
}
