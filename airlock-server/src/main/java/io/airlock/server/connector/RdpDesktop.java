package io.airlock.server.connector;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two programs behind one RDP session, in a private directory: a TigerVNC {@code Xvnc} that serves its
 * screen on a unix socket only, and {@code xfreerdp} drawing the equipment's desktop inside it. The X display
 * takes only clients holding its random cookie; the password reaches xfreerdp on stdin alone. {@link #close()}
 * ends both processes and removes the directory.
 */
final class RdpDesktop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RdpDesktop.class);

    static final Duration XVNC_START = Duration.ofSeconds(10);
    static final Duration STOP_WAIT = Duration.ofSeconds(3);
    /** FreeRDP logs each connection state; this one means the desktop is up. */
    static final String ACTIVE = "--> CONNECTION_STATE_ACTIVE";
    /** Back to the start from Network Level Authentication: the server closed while checking the credentials. */
    private static final String NLA_REFUSED = "CONNECTION_STATE_NLA --> CONNECTION_STATE_INITIAL";
    private static final String NLA_PASSED = "CONNECTION_STATE_NLA --> CONNECTION_STATE_MCS";
    private static final int KEPT_LOG_LINES = 30;

    private final Path directory;
    private final Path socket;
    private final Process xvnc;
    private Process xfreerdp;
    private final ArrayDeque<String> clientLog = new ArrayDeque<>();
    private final CompletableFuture<Void> active = new CompletableFuture<>();
    private final CompletableFuture<Void> logEnded = new CompletableFuture<>();
    private volatile boolean refusedInNla;

    private RdpDesktop(Path directory, Process xvnc) {
        this.directory = directory;
        this.socket = directory.resolve("rfb");
        this.xvnc = xvnc;
    }

    /** Starts Xvnc in a fresh private directory under {@code parent}; the caller closes what it gets. */
    static RdpDesktop startXvnc(Path parent, int width, int height) throws IOException {
        Path directory = Files.createTempDirectory(parent, "s",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path cookie = directory.resolve("Xauthority");
        Files.write(cookie, xauthority(), java.nio.file.StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-------"));
        // -displayfd lets Xvnc take the first free display itself (atomically, by its lock file) and say which.
        var command = List.of("Xvnc", "-displayfd", "1", "-geometry", width + "x" + height, "-depth", "24",
                "-rfbport", "-1", "-rfbunixpath", directory.resolve("rfb").toString(), "-rfbunixmode", "0600",
                "-SecurityTypes", "None", "-nolisten", "tcp", "-auth", cookie.toString(), "-desktop", "Airlock RDP");
        var builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(directory.resolve("xvnc.log").toFile());
        minimalEnvironment(builder.environment(), directory);
        RdpDesktop desktop;
        try {
            desktop = new RdpDesktop(directory, builder.start());
        } catch (IOException e) {
            deleteTree(directory);
            throw e;
        }
        return desktop;
    }

    /** The display Xvnc chose, once its sockets take clients; fails when it does not start in time. */
    int awaitDisplay() throws IOException {
        var display = CompletableFuture.supplyAsync(() -> firstLine(xvnc.getInputStream()),
                command -> Thread.ofVirtual().name("xvnc-display").start(command));
        try {
            String line = display.get(XVNC_START.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || !line.strip().matches("\\d{1,5}")) {
                throw new IOException("Xvnc did not start: " + lastLine(directory.resolve("xvnc.log")));
            }
            return Integer.parseInt(line.strip());
        } catch (TimeoutException e) {
            throw new IOException("Xvnc did not start within " + XVNC_START.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("Xvnc did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Xvnc started", e);
        }
    }

    /**
     * Starts xfreerdp on the display, gives it the password on stdin and follows its connection states. The
     * certificate must be the one given: FreeRDP denies any other without asking.
     */
    void startClient(int display, ConnectionTarget target, String fingerprint, int width, int height)
            throws IOException {
        var command = List.of("stdbuf", "-oL", "xfreerdp", "/v:" + target.host() + ":" + target.port(),
                "/size:" + width + "x" + height, "/bpp:24", "-decorations", "/u:" + target.username(),
                "/from-stdin:force", "/cert:deny,fingerprint:" + fingerprint,
                // Only the connection states, line by line, to know when the desktop is up or where it failed.
                "/log-filters:com.freerdp.core.connection:DEBUG");
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        minimalEnvironment(env, directory);
        env.put("DISPLAY", ":" + display);
        env.put("XAUTHORITY", directory.resolve("Xauthority").toString());
        xfreerdp = builder.start();
        Thread.ofVirtual().name("xfreerdp-log").start(() -> follow(xfreerdp.getInputStream()));
        xfreerdp.onExit().thenRun(() -> active.completeExceptionally(new IOException("xfreerdp exited")));
        try (OutputStream stdin = xfreerdp.getOutputStream()) {
            String secret = target.secret() == null ? "" : target.secret();
            stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Waits until the desktop is up. Returns -1 then; else xfreerdp's exit code, or {@link RdpExit#TIMED_OUT}
     * when it neither connected nor ended within the time.
     */
    int awaitActive(Duration timeout) throws InterruptedException {
        try {
            active.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return -1;
        } catch (ExecutionException e) {
            if (xfreerdp.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    logEnded.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS); // its last lines tell why
                } catch (ExecutionException | TimeoutException notRead) {
                    // decided on what was read
                }
                return xfreerdp.exitValue();
            }
            return RdpExit.TIMED_OUT;
        } catch (TimeoutException e) {
            return RdpExit.TIMED_OUT;
        }
    }

    /** True when the server ended the connection during Network Level Authentication (the credentials). */
    boolean endedInNla() {
        return refusedInNla;
    }

    /** The last lines xfreerdp printed, for the gateway's log; they hold no secret. */
    synchronized String clientLog() {
        return String.join("\n", clientLog);
    }

    Path socket() {
        return socket;
    }

    /** Runs once xfreerdp or Xvnc has ended, whichever ends first. */
    void onEnd(Runnable action) {
        CompletableFuture.anyOf(xvnc.onExit(), xfreerdp.onExit())
                .thenRunAsync(action, command -> Thread.ofVirtual().name("rdp-ended").start(command));
    }

    @Override
    public void close() {
        if (xfreerdp != null) {
            stop(xfreerdp);
        }
        stop(xvnc);
        deleteTree(directory);
    }

    private void follow(InputStream output) {
        try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.contains(NLA_REFUSED)) {
                    refusedInNla = true;
                } else if (line.contains(NLA_PASSED)) {
                    refusedInNla = false;
                }
                if (line.contains(ACTIVE)) {
                    active.complete(null);
                }
                keep(line);
            }
        } catch (IOException e) {
            // xfreerdp ended
        } finally {
            logEnded.complete(null);
        }
    }

    private synchronized void keep(String line) {
        if (clientLog.size() == KEPT_LOG_LINES) {
            clientLog.removeFirst();
        }
        clientLog.addLast(line.length() > 300 ? line.substring(0, 300) : line);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Only what the programs need: nothing of the gateway's own environment (its secrets) leaks to them. */
    private static void minimalEnvironment(Map<String, String> env, Path directory) {
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", directory.toString());
        env.put("LANG", "C.UTF-8");
    }

    /** One MIT-MAGIC-COOKIE-1 for any display number (FamilyWild), in the Xauthority file format. */
    private static byte[] xauthority() throws IOException {
        byte[] cookie = new byte[16];
        new SecureRandom().nextBytes(cookie);
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeShort(0xffff);
        out.writeShort(0);
        out.writeShort(0);
        byte[] name = "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII);
        out.writeShort(name.length);
        out.write(name);
        out.writeShort(cookie.length);
        out.write(cookie);
        return bytes.toByteArray();
    }

    private static String firstLine(InputStream in) {
        try {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n' && line.size() < 64; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastLine(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message").strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "no message";
        }
    }

    static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not remove {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            if (Files.exists(directory)) {
                log.warn("Could not remove {}: {}", directory, e.toString());
            }
        }
    }
}
