package io.airlock.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole gateway in a second JVM, started from the test classpath with AIRLOCK_* settings the way an
 * operator starts it, so a test can kill it with SIGKILL ({@link #kill()}) and start it again on the same
 * data directory: a real crash, not a simulated exception.
 */
public final class ChildGateway implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a gateway on a free loopback port with these settings, and waits until it is healthy. */
    public static ChildGateway start(Path data, Map<String, String> settings) {
        return start(data, settings, freePort());
    }

    /** Starts a gateway on the given loopback port, e.g. one other nodes have been told about. */
    public static ChildGateway start(Path data, Map<String, String> settings, int port) {
        return start(data, settings, port, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    /**
     * Starts a gateway with these JVM options instead of the tests' small, quickly started one (a benchmark
     * runs the gateway as an operator would, with the JVM's own defaults).
     */
    public static ChildGateway start(Path data, Map<String, String> settings, int port, List<String> jvmOptions) {
        try {
            Files.createDirectories(data);
            Path log = data.resolve("gateway-" + Instant.now().toEpochMilli() + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "io.airlock.server.AirlockApplication", "--AIRLOCK_PORT=" + port, "--AIRLOCK_DATA=" + data,
                    "--spring.main.banner-mode=off"));
            settings.forEach((k, v) -> command.add("--" + k + "=" + v));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            var gateway = new ChildGateway(process, port, log);
            gateway.awaitHealthy();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The gateway's process, to read its heap, threads and open files from outside. */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop, nothing flushed that was not already. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitHealthy() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the gateway did not become healthy in " + START_TIMEOUT + ":\n" + tail());
    }

    /** The end of the gateway's console output, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
