package io.airlock.recording.video;

/**
 * Decides which frames the video holds and which of them are keyframes. A frame is sent when the
 * screen changed, on the tick where the change happened; while nothing changes, the picture is sent
 * again every {@link VideoSpec#keyframeTicks()}, so no frame lasts longer than that (an idle hour costs
 * 1,800 frames instead of 90,000, the first second excepted). Every frame sits on the video's time grid.
 *
 * <p>Keyframes follow the two bounds of {@link VideoSpec}. Once a picture other than the last
 * keyframe's has been sent, the next keyframe is due {@code keyframeTicks} after that keyframe: a change
 * from then on is itself the keyframe, and if the screen stopped changing before, its still picture is
 * sent as the keyframe right on time. A repeat of the last keyframe's own picture is an ordinary frame
 * instead, which x264 codes as a skip frame of a few dozen bytes (the first few may spend some hundred
 * bytes sharpening the picture further); repeats fall on a grid of {@code keyframeTicks} counted from
 * the keyframe, and every {@code idleKeyframeTicks} one of them is a keyframe again. So no two
 * keyframes are further apart than {@code keyframeTicks} when anything changed between them, nor
 * further than {@code idleKeyframeTicks} when nothing did.
 *
 * <p>With {@link VideoSpec#everyTick()} (a constant frame rate, for tools that require one) every tick
 * gets a frame: the unchanged ones repeat the picture, which x264 codes as skip frames; keyframes follow
 * the same rules.
 */
final class FrameScheduler {

    private final VideoSpec spec;
    private final Letterbox letterbox;
    private final FrameSink sink;
    private long lastTick = -1;
    private long lastKeyTick;
    /** A picture other than the last keyframe's has been sent since that keyframe. */
    private boolean changedSinceKey;

    FrameScheduler(VideoSpec spec, Letterbox letterbox, FrameSink sink) {
        this.spec = spec;
        this.letterbox = letterbox;
        this.sink = sink;
    }

    /**
     * Keeps the unchanged picture coming up to (not including) {@code tick}: repeats, and keyframes when
     * due. Call it before the picture is replaced for {@code tick}.
     */
    void idleUntil(long tick) throws VideoException {
        long everyTickUntil = spec.everyTick() ? tick : Math.min(tick, spec.framesPerSecond());
        while (lastTick >= 0 && lastTick + 1 < everyTickUntil) {
            // ffprobe and players derive the nominal frame rate from the gaps between the first frames;
            // a first second at the full rate makes that 25/1 whatever follows (25 near-empty frames).
            send(lastTick + 1, false);
        }
        while (lastTick >= 0 && nextRepeat() < tick) {
            send(nextRepeat(), false);
        }
    }

    /** Sends the letterbox's (new) picture on {@code tick}. */
    void changed(long tick) throws VideoException {
        idleUntil(tick);
        send(tick, true);
    }

    /** Fills the video up to {@code endTick} (exclusive), so it lasts exactly as long as the recording. */
    void end(long endTick) throws VideoException {
        idleUntil(endTick);
        if (lastTick < endTick - 1) {
            send(endTick - 1, false);
        }
    }

    long lastTick() {
        return lastTick;
    }

    /**
     * Where the unchanged picture is due again: as the overdue keyframe, or as the next repeat on a 2 s
     * grid counted from the keyframe (so repeats are recognisable as such in the video), the last of
     * them a keyframe.
     */
    private long nextRepeat() {
        if (changedSinceKey) {
            return lastKeyTick + spec.keyframeTicks();
        }
        return lastKeyTick + ((lastTick - lastKeyTick) / spec.keyframeTicks() + 1) * spec.keyframeTicks();
    }

    private void send(long tick, boolean changed) throws VideoException {
        long sinceKey = tick - lastKeyTick;
        boolean keyframe = lastTick < 0
                || sinceKey >= spec.idleKeyframeTicks()
                || sinceKey >= spec.keyframeTicks() && (changed || changedSinceKey);
        sink.picture(letterbox.frame(), tick, keyframe);
        if (keyframe) {
            lastKeyTick = tick;
            changedSinceKey = false;
        } else {
            changedSinceKey |= changed;
        }
        lastTick = tick;
    }
}
