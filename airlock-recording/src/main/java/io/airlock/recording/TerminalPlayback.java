package io.airlock.recording;

import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.terminal.Terminal;

/**
 * Plays asciicast events into a terminal emulator: output is fed, resizes resize, input and markers
 * leave the screen alone (typed text shows through the output it caused).
 */
public final class TerminalPlayback {

    private final Terminal terminal;

    public TerminalPlayback(int columns, int rows) {
        terminal = new Terminal(columns, rows);
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
