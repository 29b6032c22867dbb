package io.airlock.recording;

/**
 * A recording that cannot be read, with the line (1-based) where reading stopped, so an operator can
 * find the damage. The message is meant for people; it never includes a stack trace.
 */
public final class RecordingFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    public RecordingFormatException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
