package io.airlock.server.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the real servers started by {@code scripts/peers.sh start} listen and how to log in to them.
 *
 * <p>Each setting comes from the environment variable of the same name as in {@code peers.env}; what
 * the environment lacks comes from that file: {@code $AIRLOCK_PEERS_DIR/peers.env}, or else the first
 * {@code .peers/peers.env} found from the working directory upwards (Maven runs tests in the module
 * directory, one level below the file).
 */
public record TestPeers(
        String host,
        String user,
        String password,
        int sshPort,
        Path sshKey,
        Path sshKnownHosts,
        int telnetPort,
        int vncPort,
        String vncPassword,
        int rdpPort) {

    static final String START_HINT = "start them with scripts/peers.sh start";
    static final String NOT_RUNNING = "test peers are not running: " + START_HINT;

    /** Bound for every connect and every blocking read in the peer tests. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String PREFIX = "AIRLOCK_PEER_";

    public static TestPeers load() {
        return load(System.getenv(), Path.of("").toAbsolutePath());
    }

    static TestPeers load(Map<String, String> environment, Path workingDirectory) {
        Optional<Path> file = findEnvFile(environment, workingDirectory);
        Map<String, String> settings = new HashMap<>();
        file.ifPresent(path -> settings.putAll(readEnvFile(path)));
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                settings.put(name, value);
            }
        });
        if (settings.isEmpty()) {
            throw new IllegalStateException(NOT_RUNNING);
        }
        String source = file.map(path -> "the environment or " + path).orElse("the environment");
        var peers = new Settings(settings, source);
        return new TestPeers(
                peers.text("HOST"),
                peers.text("USER"),
                peers.text("PASSWORD"),
                peers.port("SSH_PORT"),
                Path.of(peers.text("SSH_KEY")),
                Path.of(peers.text("SSH_KNOWN_HOSTS")),
                peers.port("TELNET_PORT"),
                peers.port("VNC_PORT"),
                peers.text("VNC_PASSWORD"),
                peers.port("RDP_PORT"));
    }

    /**
     * Opens a TCP connection to one peer with connect and read timeouts set, and says how to start
     * the peers when nothing listens.
     */
    Socket connect(String peer, int port) throws IOException {
        var socket = new Socket();
        try {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return socket;
        } catch (ConnectException e) {
            socket.close();
            throw new ConnectException("nothing accepts connections for the " + peer + " peer on " + host + ":" + port
                    + " (" + e.getMessage() + "); if the test peers are stopped, " + START_HINT);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Leaves the passwords out, so a failing assertion that prints the settings does not leak them. */
    @Override
    public String toString() {
        return "TestPeers[host=" + host + ", user=" + user + ", ssh=" + sshPort + ", telnet=" + telnetPort
                + ", vnc=" + vncPort + ", rdp=" + rdpPort + "]";
    }

    private static Optional<Path> findEnvFile(Map<String, String> environment, Path workingDirectory) {
        String stateDir = environment.get("AIRLOCK_PEERS_DIR");
        if (stateDir != null && !stateDir.isBlank()) {
            Path file = Path.of(stateDir, "peers.env");
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".peers").resolve("peers.env");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Reads the KEY=VALUE lines that scripts/peers.sh writes; values are never quoted. */
    private static Map<String, String> readEnvFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test peer settings in " + file, e);
        }
        Map<String, String> settings = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                settings.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return settings;
    }

    private record Settings(Map<String, String> values, String source) {

        String text(String key) {
            String value = values.get(PREFIX + key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(PREFIX + key + " is not set in " + source
                        + "; run scripts/peers.sh start to write a complete peers.env");
            }
            return value;
        }

        int port(String key) {
            String value = text(key);
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below together with out-of-range numbers
            }
            throw new IllegalStateException(PREFIX + key + " in " + source + " is not a TCP port: " + value);
        }
    }
}
