package io.airlock.server.connector;

import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
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
    private final ServerInit init;
    private final DesktopMirror mirror;
    private RfbRecorder recorder;

    VncConnection(Socket socket, InputStream fromEquipment, ServerInit init) throws IOException {
        this(socket, fromEquipment, socket.getOutputStream(), init);
    }

    /** Over any link to an RFB server, which {@link #close()} closes. */
    VncConnection(Closeable link, InputStream fromEquipment, OutputStream toEquipment, ServerInit init) {
        this.link = link;
        this.init = init;
        this.toEquipment = toEquipment;
        this.browser = new BrowserRfbStream(init.toBytes());
        this.mirror = new DesktopMirror(init);
        this.output = new ToBrowser(mirror.tap(fromEquipment));
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
            byte[] sent = recorder == null ? message : follow(message);
            mirror.clientSent(sent);
            toEquipment.write(sent);
        }
        toEquipment.flush();
    }

    @Override
    public synchronized boolean recordDesktop(RfbRecorder recorder) throws IOException {
        recorder.begin(init);
        this.recorder = recorder;
        output.recorder = recorder;
        return true;
    }

    /**
     * Tells the recording what shapes the equipment's pixels before the equipment gets the message, and
     * leaves the cursor for the equipment to draw.
     *
     * @return the message as the equipment is to get it
     */
    private byte[] follow(byte[] message) throws IOException {
        switch (message[0]) {
            case 0 -> recorder.pixelFormat(PixelFormat.read(new ByteArrayInputStream(message, 4,
                    PixelFormat.WIRE_LENGTH)));
            case 2 -> {
                return BrowserRfbStream.withoutCursorShape(message);
            }
            case 3 -> recorder.pixelsRequested();
            default -> {
                // other messages do not change what the equipment sends
            }
        }
        return message;
    }

    /** The session window resizes the desktop itself with SetDesktopSize, where the server supports it. */
    @Override
    public void resize(int columns, int rows) {
        // terminal sizes mean nothing to a desktop
    }

    @Override
    public Optional<DesktopMirror> desktop() {
        return Optional.of(mirror);
    }

    @Override
    public void close() {
        try {
            link.close();
        } catch (IOException e) {
            // nothing more to release
        }
        mirror.close();
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
        private volatile RfbRecorder recorder;

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
            int n = fromEquipment.read(b, off, len);
            RfbRecorder tee = recorder;
            if (n > 0 && tee != null) {
                tee.received(b, off, n);
            }
            return n;
        }
    }
}
