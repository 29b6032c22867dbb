package io.airlock.recording.video;

/**
 * Turns a picture that changes over time into frames on the video's time grid: a change becomes a frame
 * on the tick where it happened, drawn once the recording has moved past that tick, so that of several
 * changes within one frame period only the last is drawn. Terminal and graphical recordings alike play
 * through it.
 */
final class PicturePlayer {

    private final VideoSpec spec;
    private final Picture picture;
    private final Letterbox letterbox;
    private final FrameScheduler frames;
    private final TranscodeProgress progress;
    private long pendingTick;
    private boolean pending = true; // the first picture at 0 s
    private double lastTime;

    PicturePlayer(VideoSpec spec, Picture picture, Letterbox letterbox, FrameSink sink, TranscodeProgress progress) {
        this.spec = spec;
        this.picture = picture;
        this.letterbox = letterbox;
        this.frames = new FrameScheduler(spec, letterbox, sink);
        this.progress = progress;
    }

    /** The recording has reached {@code time}, seconds from its start; call it before changing the picture. */
    void reached(double time) throws VideoException {
        long tick = spec.tickAt(time);
        if (tick > pendingTick) {
            if (pending) {
                show(pendingTick);
                pending = false;
            }
            progress.reached(time);
            pendingTick = tick;
        }
        lastTime = time;
    }

    /** Notes that the picture may have changed at the time last {@link #reached}. */
    void changed(boolean changed) {
        pending |= changed;
    }

    /**
     * Draws what is still pending and fills the video up to the last time reached.
     *
     * @return the video's length in ticks
     */
    long finish() throws VideoException {
        long endTick = spec.ticksFor(lastTime);
        if (pending) {
            // A change in the very last frame period still gets its frame, which may add one period.
            endTick = Math.max(endTick, pendingTick + 1);
            show(pendingTick);
        }
        frames.end(endTick);
        progress.reached(lastTime);
        return endTick;
    }

    private void show(long tick) throws VideoException {
        // The first frame is always sent, even of an empty screen; later ones only when pixels changed.
        if (picture.render() || frames.lastTick() < 0) {
            frames.idleUntil(tick); // the previous picture's repeats and keyframes first, before it is replaced
            letterbox.draw(picture.pixels(), picture.width(), picture.height(), picture.changedFrom(),
                    picture.changedTo());
            frames.changed(tick);
        }
    }
}
