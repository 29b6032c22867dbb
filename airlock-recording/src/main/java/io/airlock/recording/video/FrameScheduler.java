package io.airlock.recording.video;

/**
 * Decides which frames the video holds. A frame is sent when the screen changed, on the tick where the
 * change happened; while nothing changes, the picture is sent again only as often as keyframes are
 * due, so an idle hour costs 1,800 keyframes instead of 90,000 frames (the first second excepted). Every frame sits on the video's
 * time grid, and no two keyframes are further apart than {@link VideoSpec#keyframeTicks()}.
 */
final class FrameScheduler {

    private final VideoSpec spec;
    private final Letterbox letterbox;
    private final FrameSink sink;
    private long lastTick = -1;
    private long lastKeyTick;

    FrameScheduler(VideoSpec spec, Letterbox letterbox, FrameSink sink) {
        this.spec = spec;
        this.letterbox = letterbox;
        this.sink = sink;
    }

    /**
     * Keeps keyframes coming for the unchanged picture up to (not including) {@code tick}. Call it
     * before the picture is replaced for {@code tick}.
     */
    void idleUntil(long tick) throws VideoException {
        while (lastTick >= 0 && lastTick + 1 < Math.min(tick, spec.framesPerSecond())) {
            // ffprobe and players derive the nominal frame rate from the gaps between the first frames;
            // a first second at the full rate makes that 25/1 whatever follows (25 near-empty frames).
            send(lastTick + 1);
        }
        while (lastTick >= 0 && lastKeyTick + spec.keyframeTicks() < tick) {
            send(lastKeyTick + spec.keyframeTicks());
        }
    }

    /** Sends the letterbox's (new) picture on {@code tick}. */
    void changed(long tick) throws VideoException {
        idleUntil(tick);
        send(tick);
    }

    /** Fills the video up to {@code endTick} (exclusive), so it lasts exactly as long as the recording. */
    void end(long endTick) throws VideoException {
        idleUntil(endTick);
        if (lastTick < endTick - 1) {
            send(endTick - 1);
        }
    }

    long lastTick() {
        return lastTick;
    }

    private void send(long tick) throws VideoException {
        boolean keyframe = lastTick < 0 || tick - lastKeyTick >= spec.keyframeTicks();
        sink.picture(letterbox.frame(), tick, keyframe);
        if (keyframe) {
            lastKeyTick = tick;
        }
        lastTick = tick;
    }
}
