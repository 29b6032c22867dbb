package io.airlock.recording.video;

import io.airlock.recording.asciicast.Ticker;
import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An RFB client of this library that records a VNC server's screen into an FBS file as the gateway's
 * relay records a viewer's session: it asks for 32-bit true colour and the given encodings, then for
 * updates as a viewer does (a full one, then an incremental one after each update), and writes every chunk
 * the server sends as it arrives.
 */
final class VncRecorder {

    private VncRecorder() {
    }

    /**
     * Records for {@code length}; the file ends on a whole update (what the server sends after it is left
     * unread).
     *
     * @param password the VNC password; empty for security type None
     * @param duringRecording run on a thread of its own once the first update arrived, to change the screen
     *     while it is recorded; the recording ends no sooner than it does
     */
    static void record(Socket socket, Optional<String> password, List<Integer> encodings, Duration length, Path fbs,
            Runnable duringRecording) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        InputStream raw = socket.getInputStream();
        // Unbuffered: nothing of the server's messages may be read before the recording starts.
        ServerInit init = RfbHandshake.connect(raw, out, password, true);
        out.write(ClientMessages.setPixelFormat(PixelFormat.RGB888));
        out.write(ClientMessages.setEncodings(encodings));
        out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
        out.flush();
        ServerInit session = new ServerInit(init.width(), init.height(), PixelFormat.RGB888, init.name());
        try (OutputStream file = Files.newOutputStream(fbs);
                FbsWriter writer = new FbsWriter(file, session, Ticker.SYSTEM);
                ServerMessageReader reader = new ServerMessageReader(
                        new BufferedInputStream(new Tee(raw, writer), 65536),
                        new Framebuffer(init.width(), init.height(), PixelFormat.RGB888))) {
            AtomicBoolean ending = new AtomicBoolean();
            Thread timer = Thread.ofVirtual().start(() -> endAfter(length, ending, out));
            Thread meanwhile = null;
            try {
                while (true) {
                    ServerMessage message = reader.next().orElseThrow(
                            () -> new IOException("the VNC server closed the connection while recording"));
                    if (message instanceof ServerMessage.FramebufferUpdate) {
                        if (ending.get()) {
                            break;
                        }
                        if (meanwhile == null) {
                            meanwhile = Thread.ofVirtual().start(duringRecording);
                        }
                        send(out, ClientMessages.framebufferUpdateRequest(true, 0, 0, init.width(), init.height()));
                    }
                }
            } finally {
                timer.interrupt();
                if (meanwhile != null) {
                    joinUninterruptibly(meanwhile);
                }
            }
        }
    }

    /**
     * At the end, asks for one pixel in full: a server answers that at once even when nothing changed (an
     * incremental request waits for a change), so the recording ends in time, on a whole update.
     */
    private static void endAfter(Duration length, AtomicBoolean ending, OutputStream out) {
        try {
            Thread.sleep(length);
            ending.set(true);
            send(out, ClientMessages.framebufferUpdateRequest(false, 0, 0, 1, 1));
        } catch (InterruptedException | IOException e) {
            // the recording ended otherwise (the server closed the connection); nothing left to ask
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(OutputStream out, byte[] message) throws IOException {
        synchronized (out) {
            out.write(message);
            out.flush();
        }
    }

    /** Writes every chunk read from the server into the recording as it arrives. */
    private static final class Tee extends FilterInputStream {
        private final FbsWriter writer;

        Tee(InputStream in, FbsWriter writer) {
            super(in);
            this.writer = writer;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                writer.write(b, off, n);
            }
            return n;
        }
    }
}
