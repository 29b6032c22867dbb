package io.airlock.server.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TigerVNC {@code Xvnc} of the test's own on 127.0.0.1, for what the shared VNC peer must not be put
 * through (a change of its size) or cannot show (a screen that changes on demand). Stopped on close.
 */
final class PrivateDesktop implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(15);

    private final Process xvnc;
    private final Path dir;
    private final int display;
    private final int port;

    private PrivateDesktop(Process xvnc, Path dir, int display, int port) {
        this.xvnc = xvnc;
        this.dir = dir;
        this.display = display;
        this.port = port;
    }

    /** Starts a desktop of the given size that signs in with the VNC password. */
    static PrivateDesktop start(int width, int height, String password) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("airlock-xvnc");
        Path passwd = dir.resolve("passwd");
        var vncpasswd = new ProcessBuilder("vncpasswd", "-f").redirectOutput(passwd.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        vncpasswd.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        vncpasswd.getOutputStream().close();
        if (!vncpasswd.waitFor(10, TimeUnit.SECONDS) || vncpasswd.exitValue() != 0) {
            throw new IOException("vncpasswd failed");
        }
        int display = freeDisplay();
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var command = new ArrayList<>(List.of("Xvnc", ":" + display, "-geometry", width + "x" + height, "-depth",
                "24", "-rfbport", Integer.toString(port), "-interface", "127.0.0.1", "-SecurityTypes", "VncAuth",
                "-PasswordFile", passwd.toString(), "-nolisten", "tcp", "-AcceptSetDesktopSize=1"));
        Process xvnc = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("xvnc.log").toFile()).start();
        var desktop = new PrivateDesktop(xvnc, dir, display, port);
        try {
            desktop.awaitReady();
        } catch (IOException | RuntimeException e) {
            desktop.close();
            throw e;
        }
        return desktop;
    }

    int port() {
        return port;
    }

    /** Paints the root window one colour (0xRRGGBB), as the desktop's own X client would. */
    void paintRoot(int rgb) throws IOException, InterruptedException {
        x("xsetroot", "-solid", String.format("#%06x", rgb));
    }

    private void x(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("DISPLAY", ":" + display);
        Process started = process.start();
        if (!started.waitFor(10, TimeUnit.SECONDS) || started.exitValue() != 0) {
            started.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed on :" + display);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            if (!xvnc.isAlive()) {
                throw new IOException("Xvnc :" + display + " exited: " + Files.readString(dir.resolve("xvnc.log")));
            }
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                paintRoot(0x000000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Xvnc :" + display + " did not listen on " + port + " within "
                            + START.toSeconds() + " s", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** A display number no X server holds, from the top of the range the shared peers leave alone. */
    private static int freeDisplay() throws IOException {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IOException("no free X display number");
    }

    @Override
    public void close() {
        xvnc.destroy();
        try {
            if (!xvnc.waitFor(5, TimeUnit.SECONDS)) {
                xvnc.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
