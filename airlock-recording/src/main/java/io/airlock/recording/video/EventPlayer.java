package io.airlock.recording.video;

import io.airlock.recording.asciicast.AsciicastEvent;

/**
 * Plays events, one at a time as they come, into pictures on the video's time grid: a change becomes a
 * frame on the tick where it happened, drawn once the recording has moved past that tick. The same player
 * serves a whole file and a session that is still running, so both give the same video.
 */
final class EventPlayer {

    private final VideoSpec spec;
    private final Letterbox letterbox;
    private final ScreenReplay screen;
    private final FrameScheduler frames;
    private final TranscodeProgress progress;
    private long pendingTick;
    private boolean pending = true; // the empty screen at 0 s
    private double lastTime;

    EventPlayer(VideoSpec spec, int columns, int rows, Letterbox letterbox, FrameSink sink, TranscodeProgress progress) {
        this.spec = spec;
        this.letterbox = letterbox;
        this.screen = new ScreenReplay(columns, rows, spec.width(), spec.height());
        this.frames = new FrameScheduler(spec, letterbox, sink);
        this.progress = progress;
    }

    void accept(AsciicastEvent event) throws VideoException {
        long tick = spec.tickAt(event.time());
        if (tick > pendingTick) {
            if (pending) {
                show(pendingTick);
                pending = false;
            }
            progress.reached(event.time());
            pendingTick = tick;
        }
        pending |= screen.apply(event);
        lastTime = event.time();
    }

    /**
     * Draws what is still pending and fills the video up to the last event.
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
        if (screen.render() || frames.lastTick() < 0) {
            frames.idleUntil(tick); // the previous picture's repeats and keyframes first, before it is replaced
            letterbox.draw(screen.pixels(), screen.width(), screen.height());
            frames.changed(tick);
        }
    }
}
