package io.airlock.server.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recorded session's file in the spool, as the session feeds it. Every write that fails is reported to
 * the caller, which ends the session: where a group enforces recording, no recording means no session.
 */
interface Recorder extends AutoCloseable {

    /** The spool file. */
    Path file();

    /** What the session window got from the connection, as the session pumps it. */
    void output(byte[] data, int offset, int length) throws IOException;

    /** The session window's new size in character cells. */
    void resize(int columns, int rows) throws IOException;

    /** Marks a moment of the session, such as a monitor joining. */
    void marker(String label) throws IOException;

    /** Closes the spool file, whole. */
    @Override
    void close() throws IOException;

    /** The session never opened: the caller removes the file. */
    void discard() throws IOException;
}
