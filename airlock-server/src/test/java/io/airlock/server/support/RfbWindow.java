package io.airlock.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A session window's RFB byte streams over its WebSocket, for tests that play noVNC with airlock-rfb. */
public final class RfbWindow {

    private RfbWindow() {
    }

    /** What the gateway sends the window; a read waits up to {@code wait} for more. */
    public static InputStream input(TerminalSocket socket, Duration wait) {
        return new SocketInput(socket, wait);
    }

    /** What the window sends; each flush is one binary frame. */
    public static OutputStream output(TerminalSocket socket) {
        return new SocketOutput(socket);
    }

    /** The window's reading side: blocks until the gateway has sent more, as a socket would. */
    private static final class SocketInput extends InputStream {
        private final Duration wait;
        private final TerminalSocket socket;
        private int position;

        SocketInput(TerminalSocket socket, Duration wait) {
            this.socket = socket;
            this.wait = wait;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                byte[] all = socket.outputByteArray();
                if (all.length > position) {
                    int n = Math.min(len, all.length - position);
                    System.arraycopy(all, position, b, off, n);
                    position += n;
                    return n;
                }
                if (socket.isClosed()) {
                    return -1;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the gateway sent nothing for " + wait.toSeconds() + " s");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    /** The window's writing side: each flush is one binary frame. */
    private static final class SocketOutput extends OutputStream {
        private final TerminalSocket socket;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        SocketOutput(TerminalSocket socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            if (pending.size() > 0) {
                socket.sendBinary(pending.toByteArray());
                pending.reset();
            }
        }
    }
}
