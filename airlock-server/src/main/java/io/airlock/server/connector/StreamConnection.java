package io.airlock.server.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A connection that is a pair of byte streams; protocols add how to resize and how to close. */
abstract class StreamConnection implements RemoteConnection {

    private final InputStream output;
    private final OutputStream input;

    StreamConnection(InputStream output, OutputStream input) {
        this.output = output;
        this.input = input;
    }

    @Override
    public final InputStream output() {
        return output;
    }

    @Override
    public final void write(byte[] data, int offset, int length) throws IOException {
        input.write(data, offset, length);
        input.flush();
    }
}
