package io.airlock.recording;

/**
 * A recording that cannot be read, with the line (1-based) or, in a binary recording, the byte where
 * reading stopped, so an operator can find the damage. The message is meant for people; it never includes a stack trace.
 */
public final class RecordingFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    public RecordingFormatException(long line, String problem) {
        this("line " + line + ": " + problem, line);
    }

    private RecordingFormatException(String message, long line) {
        super(message);
        this.line = line;
    }

    /**
     * A binary recording that cannot be read, with the byte offset where reading stopped; {@link #line()}
     * is 0.
     */
    public static RecordingFormatException atByte(long offset, String problem) {
        return new RecordingFormatException("byte " + offset + ": " + problem, 0);
    }

    public long line() {
        return line;
    }
}
