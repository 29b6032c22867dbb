package io.airlock.server.connector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An open terminal connection to a piece of equipment: a byte stream each way plus the window size.
 * Reading {@link #output()} is the only way data leaves the equipment, so whoever reads slowly slows the
 * equipment down (back-pressure) instead of filling memory.
 */
public interface RemoteConnection extends AutoCloseable {

    /** What the equipment sends; ends (returns -1) when the equipment closes the connection. */
    InputStream output();

    /** Sends the user's keystrokes or pasted text. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Tells the equipment the terminal's new size. */
    void resize(int columns, int rows) throws IOException;

    /**
     * Tees what the equipment sends into a desktop recording, from its first message on. Call it before
     * {@link #output()} is first read.
     *
     * @return false for a connection that is no desktop: a terminal's output is recorded as it is read
     */
    default boolean recordDesktop(RfbRecorder recorder) throws IOException {
        return false;
    }

    /** {@return the gateway's decoded copy of the screen, which monitors of a desktop session watch} */
    default Optional<DesktopMirror> desktop() {
        return Optional.empty();
    }

    /** Closes the connection; safe to call more than once and from any thread. */
    @Override
    void close();
}
