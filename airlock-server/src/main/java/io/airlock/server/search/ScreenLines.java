package io.airlock.server.search;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.terminal.DirtySpan;
import io.airlock.terminal.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines a recorded terminal screen showed, each distinct line once with the moment it first stood
 * whole on the screen. A row's text is taken when it changes into something other than its own
 * continuation (so typing {@code echo hello} yields that line, not {@code e}, {@code ec}, ...), when it
 * scrolls away, and at the end.
 */
final class ScreenLines {

    /** A line and when it first appeared, in milliseconds from the start of the recording. */
    record Line(long offsetMillis, String text) {
    }

    /** Bounds one recording's index (a full-screen program redrawing for hours would otherwise grow it without end). */
    static final int MAX_LINES = 200_000;
    static final int MAX_CHARS = 1000;

    private final Map<String, Long> firstSeen = new HashMap<>();
    private String[] rows = new String[0];
    private long[] since = new long[0];

    private ScreenLines() {
    }

    /** Plays an asciicast through the terminal emulator and returns its lines in order of appearance. */
    static List<Line> of(InputStream cast) throws IOException, RecordingFormatException {
        try (AsciicastReader reader = AsciicastReader.open(cast)) {
            var playback = new TerminalPlayback(reader.header().width(), reader.header().height());
            var lines = new ScreenLines();
            long last = 0;
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                AsciicastEvent event = next.get();
                if (playback.apply(event)) {
                    last = Math.round(event.time() * 1000);
                    lines.changed(playback.terminal(), last);
                }
            }
            return lines.finish();
        }
    }

    private void changed(Terminal terminal, long at) {
        if (rows.length != terminal.rows()) {
            resize(terminal.rows());
        }
        for (DirtySpan span : terminal.takeDirtySpans()) {
            int row = span.row();
            String text = terminal.rowText(row).strip();
            String before = rows[row];
            if (text.equals(before)) {
                continue;
            }
            if (!before.isEmpty() && !text.startsWith(before)) {
                keep(before, since[row]);
            }
            rows[row] = text;
            since[row] = at;
        }
    }

    private void resize(int count) {
        for (int row = count; row < rows.length; row++) {
            keep(rows[row], since[row]);
        }
        String[] grown = new String[count];
        long[] grownSince = new long[count];
        for (int row = 0; row < count; row++) {
            grown[row] = row < rows.length ? rows[row] : "";
            grownSince[row] = row < since.length ? since[row] : 0;
        }
        rows = grown;
        since = grownSince;
    }

    private void keep(String text, long at) {
        if (text.isEmpty() || Words.of(text).isEmpty()) {
            return; // a line of box drawing or punctuation holds nothing to search for
        }
        String line = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (firstSeen.size() < MAX_LINES || firstSeen.containsKey(line)) {
            firstSeen.merge(line, at, Math::min);
        }
    }

    private List<Line> finish() {
        for (int row = 0; row < rows.length; row++) {
            keep(rows[row], since[row]);
        }
        List<Line> lines = new ArrayList<>(firstSeen.size());
        firstSeen.forEach((text, at) -> lines.add(new Line(at, text)));
        lines.sort(Comparator.comparingLong(Line::offsetMillis).thenComparing(Line::text));
        return lines;
    }
}
