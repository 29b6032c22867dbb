package io.airlock.recording;

import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.terminal.Terminal;

/**
 * Plays asciicast events into a terminal emulator: output is fed, resizes resize, input and markers
 * leave the screen alone (typed text shows through the output it caused).
 */
public final class TerminalPlayback {

    /**
     * Lines kept above the screen: a video, a screen shot and the search index show the screen only, and
     * lines come back from above only when the terminal grows taller, by at most the tallest screen a
     * recording may have ({@link AsciicastHeader#MAX_ROWS}). Twice that keeps every screen exact while a
     * playback costs about 1 MB at 80 columns instead of the 8 MB that a live terminal's scrollback of
     * {@value Terminal#DEFAULT_SCROLLBACK_LINES} lines fills to in a long session (one per live video).
     */
    static final int SCROLLBACK_LINES = 2 * AsciicastHeader.MAX_ROWS;

    private final Terminal terminal;

    public TerminalPlayback(int columns, int rows) {
        terminal = new Terminal(columns, rows, SCROLLBACK_LINES);
    }

    public Terminal terminal() {
        return terminal;
    }

    /**
     * Plays one event.
     *
     * @return true when the screen may have changed
     */
    public boolean apply(AsciicastEvent event) {
        switch (event) {
            case AsciicastEvent.Output output -> {
                terminal.feed(output.data());
                // Nobody reads the replies a live terminal would send; drop them so they cannot pile up.
                terminal.takeReplies();
                return true;
            }
            case AsciicastEvent.Resize resize -> {
                terminal.resize(resize.columns(), resize.rows());
                return true;
            }
            case AsciicastEvent.Input input -> {
                return false;
            }
            case AsciicastEvent.Marker marker -> {
                return false;
            }
        }
    }
}
