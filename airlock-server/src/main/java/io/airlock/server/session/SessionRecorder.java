package io.airlock.server.session;

import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.recording.asciicast.AsciicastWriter;
import io.airlock.recording.asciicast.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import io.airlock.server.recording.LiveVideos.LiveVideo;
import java.util.Map;

/**
 * Tees a terminal session into an asciicast v2 file in the local spool, the source of truth until the
 * recording is safely stored in the bucket. Any write failure is reported to the caller, which ends the
 * session: where a group enforces recording, no recording means no session.
 */
final class SessionRecorder implements Recorder {

    private final Path file;
    private final AsciicastWriter writer;
    private final LiveVideo live;

    private SessionRecorder(Path file, AsciicastWriter writer, LiveVideo live) {
        this.file = file;
        this.writer = writer;
        this.live = live;
    }

    /**
     * Starts the spool file: its start time from the wall clock, its events timed by {@link Ticker#SYSTEM}.
     *
     * @param live encodes the video as the session runs; null when it is made after the session
     */
    static SessionRecorder start(Path file, int columns, int rows, String title, Clock clock, LiveVideo live)
            throws IOException {
        return start(file, columns, rows, title, clock, Ticker.SYSTEM, live);
    }

    /** Starts the spool file with events timed by {@code ticker}. */
    static SessionRecorder start(Path file, int columns, int rows, String title, Clock clock, Ticker ticker,
            LiveVideo live) throws IOException {
        // Created owner-only before the first byte: a recording may show passwords typed at prompts.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var out = Files.newOutputStream(file, StandardOpenOption.WRITE);
        try {
            var header = new AsciicastHeader(columns, rows, null, title, Map.of("TERM", "xterm-256color"));
            return new SessionRecorder(file, new AsciicastWriter(out, header, clock, ticker), live);
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized void output(byte[] data, int offset, int length) throws IOException {
        var event = writer.output(data, offset, length);
        if (live != null && event.isPresent()) {
            live.offer(event.get());
        }
    }

    @Override
    public synchronized void resize(int columns, int rows) throws IOException {
        var event = writer.resize(columns, rows);
        if (live != null) {
            live.offer(event);
        }
    }

    @Override
    public synchronized void marker(String label) throws IOException {
        var event = writer.marker(label);
        if (live != null) {
            live.offer(event);
        }
    }

    /** Events the live encoder has yet to encode (0 without one). */
    int liveBacklog() {
        return live == null ? 0 : live.backlog();
    }

    /** Whether the live encoder's queue is more than half full (false without one). */
    boolean liveEncoderBehind() {
        return live != null && live.halfFull();
    }

    /** Closes the spool file, then completes the live video from exactly what the file holds. */
    @Override
    public synchronized void close() throws IOException {
        try {
            writer.close();
        } finally {
            if (live != null) {
                live.finish();
            }
        }
    }

    /** The session never opened: the live video is dropped with the spool file. */
    @Override
    public synchronized void discard() throws IOException {
        if (live != null) {
            live.abandon("the session did not open");
        }
        close();
    }
}
