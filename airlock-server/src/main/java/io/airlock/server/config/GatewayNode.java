package io.airlock.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This gateway's name among the nodes that share one database and one bucket. Recordings are spooled on
 * a node's local disk, so the jobs that turn them into videos must run on that node: they are named after
 * it. The name is AIRLOCK_NODE_ID when set, else one generated on first start and kept in the data
 * directory, so it survives restarts.
 */
@Component
public class GatewayNode {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private final String id;

    GatewayNode(DataDirectory data, @Value("${airlock.node-id:}") String configured) {
        this.id = configured.isBlank() ? kept(data.root().resolve("node-id")) : checked(configured.strip());
    }

    public String id() {
        return id;
    }

    private static String checked(String id) {
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("AIRLOCK_NODE_ID must be 1 to 40 letters, digits, '.', '_' or '-': "
                    + id);
        }
        return id;
    }

    private static String kept(Path file) {
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            String id = "node-" + UUID.randomUUID().toString().substring(0, 8);
            DataDirectory.writePrivateFile(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this gateway's node id in " + file + ": " + e.getMessage(), e);
        }
    }
}
