package io.airlock.recording.cli;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.recording.video.FbsTranscoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * {@code screen IN.cast --at SECONDS}: what the terminal showed at that moment, after every event up to
 * and including it, one line per row with trailing blanks trimmed. {@code screen IN.fbs --at SECONDS --png
 * OUT.png}: the graphical session's screen at that moment, cursor included, as a PNG image.
 */
final class ScreenCommand {

    private ScreenCommand() {
    }

    static int run(String[] args, PrintStream out) throws RecordingTool.UsageException, RecordingTool.Failure, IOException {
        boolean png = args.length == 5 && args[3].equals("--png");
        if (args.length != 3 && !png || !args[1].equals("--at")) {
            throw new RecordingTool.UsageException("screen takes IN.cast --at SECONDS, or IN.fbs --at SECONDS --png OUT.png");
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
        boolean graphical = FbsPlayback.isFbs(in);
        if (graphical != png) {
            throw new RecordingTool.UsageException(graphical ? "a graphical recording's screen is written with --png OUT.png"
                    : "--png is for graphical recordings (FBS); a terminal's screen is printed as text");
        }
        try {
            if (graphical) {
                writePng(FbsTranscoder.screenAt(in, at), Path.of(args[4]));
            } else {
                out.println(screenAt(in, at));
            }
        } catch (RecordingFormatException e) {
            throw new RecordingTool.Failure(in, e);
        }
        return 0;
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        try (OutputStream png = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", png);
        }
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
