package io.airlock.recording.video;

import io.airlock.recording.asciicast.Ticker;
import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Records real desktop activity as an FBS file, the way the gateway records a VNC session: a private
 * TigerVNC {@code Xvnc} of the asked size on a free display and loopback port, {@code
 * scripts/desktop-activity.sh} working on it (windows, typing, scrolling, idle reading), and an RFB client
 * of this library asking for updates as a browser viewer does (noVNC's encodings: Tight with JPEG quality
 * 6 and compression 2, CopyRect and the rest) while the server's stream is written to the file. Both
 * processes end with the capture.
 */
final class DesktopCapture {

    /** noVNC's own preference order and defaults, as the gateway passes them on to the server. */
    private static final List<Integer> ENCODINGS = List.of(Encodings.TIGHT, Encodings.COPY_RECT, Encodings.ZRLE,
            Encodings.HEXTILE, Encodings.RRE, Encodings.RAW, Encodings.JPEG_QUALITY_0 + 6,
            Encodings.COMPRESS_LEVEL_0 + 2, Encodings.CURSOR, Encodings.LAST_RECT, Encodings.EXTENDED_DESKTOP_SIZE,
            Encodings.DESKTOP_SIZE);
    private static final int FIRST_DISPLAY = 40;
    private static final int LAST_DISPLAY = 99;
    private static final long START_TIMEOUT_NANOS = 20_000_000_000L;

    private DesktopCapture() {
    }

    /**
     * Records {@code length} of activity on a {@code width} x {@code height} desktop into {@code fbs}.
     *
     * @param activityScript {@code scripts/desktop-activity.sh}
     */
    static void record(Path activityScript, int width, int height, Duration length, Path fbs) throws IOException {
        int display = freeDisplay();
        int port = freePort();
        Path log = Files.createTempFile("airlock-xvnc-", ".log");
        List<Process> processes = new ArrayList<>();
        try {
            processes.add(new ProcessBuilder("Xvnc", ":" + display, "-geometry", width + "x" + height, "-depth", "24",
                    "-rfbport", Integer.toString(port), "-interface", "127.0.0.1", "-SecurityTypes", "None",
                    "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(log.toFile()).start());
            try (Socket socket = connect(port, processes.getFirst(), log)) {
                ProcessBuilder activity = new ProcessBuilder("bash", activityScript.toString(),
                        Long.toString(length.toSeconds() + 5)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                activity.environment().put("DISPLAY", ":" + display);
                activity.environment().put("LC_ALL", "C");
                processes.add(activity.start());
                capture(socket, length, fbs);
            }
        } finally {
            for (Process process : processes.reversed()) {
                stop(process);
            }
            Files.deleteIfExists(log);
        }
    }

    /** Asks for updates as a viewer does, one incremental request after each update, for {@code length}. */
    private static void capture(Socket socket, Duration length, Path fbs) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        InputStream raw = socket.getInputStream();
        // Unbuffered: nothing of the server's messages may be read before the recording starts.
        ServerInit init = RfbHandshake.connect(raw, out, Optional.empty(), true);
        out.write(ClientMessages.setPixelFormat(PixelFormat.RGB888));
        out.write(ClientMessages.setEncodings(ENCODINGS));
        out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
        out.flush();
        ServerInit session = new ServerInit(init.width(), init.height(), PixelFormat.RGB888, init.name());
        try (OutputStream file = Files.newOutputStream(fbs); FbsWriter writer = new FbsWriter(file, session, Ticker.SYSTEM);
                ServerMessageReader reader = new ServerMessageReader(
                        new BufferedInputStream(new Tee(raw, writer), 65536),
                        new Framebuffer(init.width(), init.height(), PixelFormat.RGB888))) {
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                ServerMessage message = reader.next()
                        .orElseThrow(() -> new IOException("Xvnc closed the connection before the capture ended"));
                if (message instanceof ServerMessage.FramebufferUpdate) {
                    out.write(ClientMessages.framebufferUpdateRequest(true, 0, 0, init.width(), init.height()));
                    out.flush();
                }
            }
            // The last request's answer is left unread: the file ends on a whole message.
        }
    }

    private static Socket connect(int port, Process xvnc, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return socket;
            } catch (IOException notYet) {
                socket.close();
                if (!xvnc.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("Xvnc did not take connections on port " + port + ": "
                            + Files.readString(log).strip());
                }
                sleep(200);
            }
        }
    }

    private static int freeDisplay() throws IOException {
        for (int display = FIRST_DISPLAY; display <= LAST_DISPLAY; display++) {
            if (!Files.exists(Path.of("/tmp/.X" + display + "-lock"))
                    && !Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                return display;
            }
        }
        throw new IOException("no free X display between :" + FIRST_DISPLAY + " and :" + LAST_DISPLAY);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Ends a process and whatever it started (the activity script's X clients), waiting a bounded time. */
    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
