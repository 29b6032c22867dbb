package io.airlock.server.bench;

import java.io.IOException;
import java.time.Duration;

/** One way of reaching the peer's shell: through the gateway or directly. */
interface Shell extends AutoCloseable {

    void send(byte[] keys) throws IOException;

    /** Waits until {@code total} bytes were received since {@link #expect}; false on timeout. */
    boolean awaitReceived(long total, Duration timeout) throws IOException;

    /** Bytes received since {@link #expect}. */
    long received();

    /** Waits until the marker was received; returns the bytes received up to its end, -1 on timeout. */
    long awaitMarker(Duration timeout) throws IOException;

    /** Starts counting from zero and looking for a new marker. */
    void expect(String marker);

    /** WebSocket messages (gateway) or stream reads (direct) since {@link #expect}. */
    long chunks();

    String tail();

    @Override
    void close();
}
