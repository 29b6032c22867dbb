package io.airlock.server.connector;

import io.airlock.rfb.ServerInit;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A signed-in VNC connection seen from the session window: the window reads a server without
 * authentication, whose handshake answers come step by step, followed by the equipment's own messages;
 * what it writes reaches the equipment only as whole, checked messages.
 */
final class VncConnection implements RemoteConnection {

    private final Closeable link;
    private final OutputStream toEquipment;
    private final BrowserRfbStream browser;
    private final ToBrowser output;

    VncConnection(Socket socket, InputStream fromEquipment, ServerInit init) throws IOException {
        this(socket, fromEquipment, socket.getOutputStream(), init);
    }

    /** Over any link to an RFB server, which {@link #close()} closes. */
    VncConnection(Closeable link, InputStream fromEquipment, OutputStream toEquipment, ServerInit init) {
        this.link = link;
        this.toEquipment = toEquipment;
        this.browser = new BrowserRfbStream(init.toBytes());
        this.output = new ToBrowser(fromEquipment);
        output.answer(BrowserRfbStream.greeting(), false);
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        BrowserRfbStream.Fed fed;
        try {
            fed = browser.feed(data, offset, length);
        } catch (IOException e) {
            close();
            throw e;
        }
        for (int i = 0; i < fed.toBrowser().size(); i++) {
            output.answer(fed.toBrowser().get(i), fed.handshakeDone() && i == fed.toBrowser().size() - 1);
        }
        for (byte[] message : fed.toEquipment()) {
            toEquipment.write(message);
        }
        toEquipment.flush();
    }

    /** The session window resizes the desktop itself with SetDesktopSize, where the server supports it. */
    @Override
    public void resize(int columns, int rows) {
        // terminal sizes mean nothing to a desktop
    }

    @Override
    public void close() {
        try {
            link.close();
        } catch (IOException e) {
            // nothing more to release
        }
        output.closed();
    }

    /** The gateway's handshake answers as the browser's steps release them, then the equipment's stream. */
    private static final class ToBrowser extends InputStream {
        private record Answer(byte[] bytes, boolean last) {
        }

        private static final Answer CLOSED = new Answer(new byte[0], true);

        private final InputStream fromEquipment;
        private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        private Answer current;
        private int position;
        private boolean relaying;

        ToBrowser(InputStream fromEquipment) {
            this.fromEquipment = fromEquipment;
        }

        void answer(byte[] bytes, boolean last) {
            answers.add(new Answer(bytes, last));
        }

        void closed() {
            answers.add(CLOSED);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!relaying) {
                if (current != null && position < current.bytes().length) {
                    int n = Math.min(len, current.bytes().length - position);
                    System.arraycopy(current.bytes(), position, b, off, n);
                    position += n;
                    return n;
                }
                if (current == CLOSED) {
                    return -1;
                }
                if (current != null && current.last()) {
                    relaying = true;
                    break;
                }
                try {
                    current = answers.take();
                    position = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the session ended during the VNC handshake");
                }
            }
            return fromEquipment.read(b, off, len);
        }
    }
}
