package io.airlock.server.connector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TelnetOption;

/**
 * An open Telnet connection: the equipment's output with Telnet commands already answered and removed,
 * and the user's keys sent as network virtual terminal text. Safe for one reader and any number of
 * writers: Commons Net sends each written chunk whole.
 */
final class TelnetConnection implements RemoteConnection {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final TelnetClient telnet;
    private final InputStream output;
    private final OutputStream input;

    TelnetConnection(TelnetClient telnet) {
        this.telnet = telnet;
        this.output = telnet.getInputStream();
        this.input = telnet.getOutputStream();
    }

    @Override
    public InputStream output() {
        return output;
    }

    /**
     * Sends keys; Enter (a lone CR, as terminals send it) goes out as CR LF in the same write. Commons
     * Net would send the CR at once and hold its LF back until the next key, which then arrives glued to
     * a stray LF: telnet daemons drop the LF after a CR only when both come in one read, so the program
     * reads "\nq" instead of "q" — top, for one, ignores such a key.
     */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        byte[] text = withWholeLineEnds(data, offset, length);
        input.write(text, 0, text.length);
        input.flush();
    }

    /** Each CR not already followed by LF in the same chunk gets its LF, so no line end is left half sent. */
    static byte[] withWholeLineEnds(byte[] data, int offset, int length) {
        var text = new ByteArrayOutputStream(length + 1);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            text.write(data[i]);
            if (data[i] == CR && (i + 1 == end || data[i + 1] != LF)) {
                text.write(LF);
            }
        }
        return text.toByteArray();
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
        if (telnet.getLocalOptionState(TelnetOption.WINDOW_SIZE)) {
            telnet.sendSubnegotiation(new int[] {TelnetOption.WINDOW_SIZE,
                    (columns >> 8) & 0xff, columns & 0xff, (rows >> 8) & 0xff, rows & 0xff});
        }
    }

    @Override
    public void close() {
        try {
            telnet.disconnect();
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }
}
