package io.airlock.rfb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A connection to the TigerVNC test peer through this library's handshake and VNC authentication, which
 * asks for one pixel format and a set of encodings and keeps every byte the server sends after
 * ServerInit, so that decoder tests can replay them without the peer.
 */
final class PeerSession implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final Recording in;
    private final ServerInit init;

    private PeerSession(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        InputStream raw = new BufferedInputStream(socket.getInputStream());
        this.init = RfbHandshake.connect(raw, out, Optional.of(password()), true);
        this.in = new Recording(raw);
    }

    static boolean available() {
        return System.getenv("AIRLOCK_PEER_VNC_PORT") != null;
    }

    static PeerSession open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("AIRLOCK_PEER_VNC_PORT"))),
                5_000);
        return new PeerSession(socket);
    }

    private static String password() {
        return System.getenv("AIRLOCK_PEER_VNC_PASSWORD");
    }

    ServerInit init() {
        return init;
    }

    /**
     * Asks for the whole screen in one pixel format and the given encodings, reads the answer into a
     * framebuffer and returns the capture: ServerInit with the pixel format in use, then the server's bytes.
     */
    Capture requestFullScreen(PixelFormat format, List<Integer> encodings) throws IOException {
        out.write(ClientMessages.setPixelFormat(format));
        out.write(ClientMessages.setEncodings(encodings));
        Framebuffer framebuffer = new Framebuffer(init.width(), init.height(), format);
        ServerMessageReader reader = new ServerMessageReader(in, framebuffer);
        in.recorded.reset();
        // A server may answer the first request with pseudo-rectangles alone (ExtendedDesktopSize, the
        // cursor); TigerVNC then draws the screen, never black on the peer, on an incremental request
        // (another full one would bring another ExtendedDesktopSize alone).
        boolean incremental = false;
        do {
            out.write(ClientMessages.framebufferUpdateRequest(incremental, 0, 0, init.width(), init.height()));
            incremental = true;
            out.flush();
            while (!(reader.next().orElseThrow() instanceof ServerMessage.FramebufferUpdate)) {
                // bell or clipboard text: kept in the capture, nothing to draw
            }
        } while (Arrays.stream(framebuffer.pixels()).allMatch(pixel -> pixel == 0));
        ServerInit used = new ServerInit(init.width(), init.height(), format, init.name());
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.write(used.toBytes());
        capture.write(in.recorded.toByteArray());
        return new Capture(capture.toByteArray(), framebuffer);
    }

    /** The bytes of a capture and what they decoded to. */
    record Capture(byte[] bytes, Framebuffer framebuffer) {
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Keeps a copy of what is read. */
    private static final class Recording extends FilterInputStream {
        final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                recorded.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                recorded.write(b, off, n);
            }
            return n;
        }
    }
}
