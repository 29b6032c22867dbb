package io.airlock.recording.video;

import io.airlock.rfb.Encodings;
import java.io.IOException;
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
 * scripts/desktop-activity.sh} working on it (windows, typing, scrolling, idle reading), and {@link
 * VncRecorder} asking for updates as a browser viewer does (noVNC's encodings: Tight with JPEG quality 6
 * and compression 2, CopyRect and the rest). Both processes end with the capture.
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
                VncRecorder.record(socket, Optional.empty(), ENCODINGS, length, fbs, () -> { });
            }
        } finally {
            for (Process process : processes.reversed()) {
                stop(process);
            }
            Files.deleteIfExists(log);
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
}
