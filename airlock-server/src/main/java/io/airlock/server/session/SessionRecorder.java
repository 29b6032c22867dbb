package io.airlock.server.session;

import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.recording.asciicast.AsciicastWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

/**
 * Tees a terminal session into an asciicast v2 file in the local spool, the source of truth until the
 * recording is safely stored in the bucket. Any write failure is reported to the caller, which ends the
 * session: where a group enforces recording, no recording means no session.
 */
final class SessionRecorder implements AutoCloseable {

    private final Path file;
    private final AsciicastWriter writer;

    private SessionRecorder(Path file, AsciicastWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static SessionRecorder start(Path file, int columns, int rows, String title, Clock clock) throws IOException {
        // Created owner-only before the first byte: a recording may show passwords typed at prompts.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var out = Files.newOutputStream(file, StandardOpenOption.WRITE);
        try {
            return new SessionRecorder(file, new AsciicastWriter(out,
                    new AsciicastHeader(columns, rows, null, title, Map.of("TERM", "xterm-256color")), clock));
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    synchronized void output(byte[] data, int offset, int length) throws IOException {
        writer.output(data, offset, length);
    }

    synchronized void resize(int columns, int rows) throws IOException {
        writer.resize(columns, rows);
    }

    synchronized void marker(String label) throws IOException {
        writer.marker(label);
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
