package io.airlock.recording.cli;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.video.LegibilityBenchmark;
import io.airlock.recording.video.TranscodeBenchmark;
import io.airlock.recording.video.VideoException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command-line face of the recording module, run by {@code ./airlock transcode | screen |
 * bench-transcode | bench-legibility}. Failures print one line naming the file and the problem, never a stack trace, and
 * exit non-zero: 2 for a wrong command line, 1 for everything else.
 */
public final class RecordingTool {

    private RecordingTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "transcode" -> TranscodeCommand.run(rest, err);
                case "screen" -> ScreenCommand.run(rest, out);
                case "bench-transcode" -> {
                    TranscodeBenchmark.run(benchCases(rest), out, err);
                    yield 0;
                }
                case "bench-legibility" -> {
                    LegibilityBenchmark.run(out, err);
                    yield 0;
                }
                default -> {
                    err.println("airlock: unknown command '" + command + "'\n" + usage());
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("airlock " + command + ": " + e.getMessage() + "\n" + usage());
            return 2;
        } catch (Failure e) {
            err.println("airlock " + command + ": " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("airlock " + command + ": no such file: " + e.getFile());
            return 1;
        } catch (AccessDeniedException e) {
            err.println("airlock " + command + ": permission denied: " + e.getFile());
            return 1;
        } catch (IOException | VideoException e) {
            err.println("airlock " + command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Input that broke something inside is still reported as one line, never a stack trace.
            err.println("airlock " + command + ": failed: " + e);
            if (Boolean.getBoolean("airlock.debug")) {
                e.printStackTrace(err); // -Dairlock.debug=true, for whoever fixes the cause
            }
            return 1;
        }
    }

    private static TranscodeBenchmark.Cases benchCases(String[] args) throws UsageException {
        if (args.length == 0) {
            return TranscodeBenchmark.Cases.ALL;
        }
        return switch (String.join(" ", args)) {
            case "--terminal" -> TranscodeBenchmark.Cases.TERMINAL;
            case "--graphical" -> TranscodeBenchmark.Cases.GRAPHICAL;
            default -> throw new UsageException("bench-transcode takes --terminal, --graphical or nothing (both)");
        };
    }

    static String usage() {
        return """
                usage: airlock transcode [--constant-frame-rate] IN.cast|IN.fbs OUT.mp4
                       airlock screen IN.cast --at SECONDS
                       airlock screen IN.fbs --at SECONDS --png OUT.png
                       airlock bench-transcode [--terminal | --graphical]
                       airlock bench-legibility""";
    }

    /** A recording that cannot be used: reported as the file name and the reader's own words. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(Path file, RecordingFormatException cause) {
            super(file + ": " + cause.getMessage(), cause);
        }
    }

    /** The command line itself is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
