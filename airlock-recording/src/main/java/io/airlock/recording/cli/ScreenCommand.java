package io.airlock.recording.cli;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code screen IN.cast --at SECONDS}: what the terminal showed at that moment, after every event up to
 * and including it, one line per row with trailing blanks trimmed.
 */
final class ScreenCommand {

    private ScreenCommand() {
    }

    static int run(String[] args, PrintStream out) throws RecordingTool.UsageException, RecordingTool.Failure, IOException {
        if (args.length != 3 || !args[1].equals("--at")) {
            throw new RecordingTool.UsageException("screen takes IN.cast --at SECONDS");
        }
        Path in = Path.of(args[0]);
        double at;
        try {
            at = Double.parseDouble(args[2]);
        } catch (NumberFormatException e) {
            throw new RecordingTool.UsageException("--at takes seconds, not '" + args[2] + "'");
        }
        if (!Double.isFinite(at) || at < 0) {
            throw new RecordingTool.UsageException("--at takes seconds from 0 on, not " + args[2]);
        }
        try {
            out.println(screenAt(in, at));
        } catch (RecordingFormatException e) {
            throw new RecordingTool.Failure(in, e);
        }
        return 0;
    }

    static String screenAt(Path recording, double at) throws IOException, RecordingFormatException {
        try (InputStream in = Files.newInputStream(recording); AsciicastReader reader = AsciicastReader.open(in)) {
            TerminalPlayback playback = new TerminalPlayback(reader.header().width(), reader.header().height());
            Optional<AsciicastEvent> next;
            while ((next = reader.next()).isPresent() && next.get().time() <= at) {
                playback.apply(next.get());
            }
            return playback.terminal().screenText();
        }
    }
}
