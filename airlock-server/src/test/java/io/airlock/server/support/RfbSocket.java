package io.airlock.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A graphical session window's (or monitor's) RFB byte streams over its gateway WebSocket. */
public final class RfbSocket {

    private RfbSocket() {
    }

    /** The window's reading side: blocks until the gateway has sent more, as a socket would. */
    public static final class Input extends InputStream {
        private final TerminalSocket socket;
        private final Duration wait;
        private final java.io.ByteArrayOutputStream kept;
        private byte[] taken = new byte[0];
        private int position;

        /** @param keep whether to keep every byte read, for {@link #received()} */
        public Input(TerminalSocket socket, Duration wait, boolean keep) {
            this.socket = socket;
            this.wait = wait;
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        /** {@return every byte received so far, when kept} */
        public byte[] received() {
            if (kept == null) {
                throw new IllegalStateException("this input keeps nothing");
            }
            return kept.toByteArray();
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
                if (position == taken.length) {
                    taken = socket.takeOutput();
                    position = 0;
                    if (kept != null) {
                        kept.writeBytes(taken);
                    }
                }
                if (taken.length > position) {
                    int n = Math.min(len, taken.length - position);
                    System.arraycopy(taken, position, b, off, n);
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
    public static final class Output extends OutputStream {
        private final TerminalSocket socket;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        public Output(TerminalSocket socket) {
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
