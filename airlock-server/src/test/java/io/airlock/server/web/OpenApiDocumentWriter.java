package io.airlock.server.web;

import io.airlock.server.AirlockApplication;
import io.airlock.server.support.GatewayClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Writes the API's OpenAPI document to the file named by its argument, read from a whole gateway started on
 * a free port with an empty data directory, exactly as a signed-in user reads it. The Maven build runs it
 * after the test classes compile and before the web build, which generates the UI's types from the file.
 */
public final class OpenApiDocumentWriter {

    private static final String PASSWORD = "openapi-document-writer";

    private OpenApiDocumentWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OpenApiDocumentWriter OUTPUT.json");
        }
        Path data = Files.createTempDirectory("airlock-openapi-");
        try (var context = SpringApplication.run(AirlockApplication.class,
                "--server.port=0", "--airlock.data-dir=" + data, "--airlock.admin-password=" + PASSWORD,
                "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var client = new GatewayClient(port);
            var signedIn = client.signIn("admin", PASSWORD);
            if (signedIn.status() != 200) {
                throw new IllegalStateException("sign-in failed: " + signedIn.status() + " " + signedIn.body());
            }
            var document = client.get("/api/docs");
            if (document.status() != 200) {
                throw new IllegalStateException("/api/docs answered " + document.status() + " " + document.body());
            }
            Files.writeString(Path.of(args[0]), document.body().strip() + "\n");
        } finally {
            deleteTree(data);
        }
        // The closed gateway may leave a non-daemon pool thread winding down; the document is written.
        System.exit(0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
