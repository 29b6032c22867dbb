package io.airlock.recording.video;

import io.airlock.recording.asciicast.AsciicastEvent;

/**
 * Plays terminal events, one at a time as they come, into pictures on the video's time grid (see
 * {@link PicturePlayer}). The same player serves a whole file and a session that is still running, so
 * both give the same video.
 */
final class EventPlayer {

    private final ScreenReplay screen;
    private final PicturePlayer player;

    EventPlayer(VideoSpec spec, int columns, int rows, Letterbox letterbox, FrameSink sink, TranscodeProgress progress) {
        this.screen = new ScreenReplay(columns, rows, spec.width(), spec.height());
        this.player = new PicturePlayer(spec, screen, letterbox, sink, progress);
    }

    void accept(AsciicastEvent event) throws VideoException {
        player.reached(event.time());
        player.changed(screen.apply(event));
    }

    /**
     * Draws what is still pending and fills the video up to the last event.
     *
     * @return the video's length in ticks
     */
    long finish() throws VideoException {
        return player.finish();
    }
}
