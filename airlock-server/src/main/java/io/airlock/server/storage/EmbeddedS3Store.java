package io.airlock.server.storage;

import io.airlock.server.config.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3-compatible store that runs inside the gateway (s3proxy over the local file system), so
 * recordings work on first run. It listens on loopback only and uses credentials generated on first
 * start and kept in an owner-only file. The rest of the product reaches it through the S3 API like any
 * other bucket; only {@link EmbeddedStorageRegistration} knows it is local.
 */
final class EmbeddedS3Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Store.class);
    static final String CREDENTIALS_FILE = "credentials.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** Access key pair of the embedded store. */
    record Credentials(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
        }
    }

    private final S3Proxy proxy;
    private final Credentials credentials;
    private final URI endpoint;

    private EmbeddedS3Store(S3Proxy proxy, Credentials credentials, URI endpoint) {
        this.proxy = proxy;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /** Starts the store with its objects and credentials under {@code dir}; port 0 picks a free port. */
    static EmbeddedS3Store start(Path dir, int port) {
        Path objects = DataDirectory.createPrivateDirectory(dir.resolve("objects"));
        Credentials credentials = loadOrCreateCredentials(dir.resolve(CREDENTIALS_FILE));
        for (Path leftover : UnfinishedWrites.remove(objects)) {
            log.info("Removed {}, an upload the gateway did not finish before it stopped", objects.relativize(leftover));
        }
        S3ProxyNoiseFilter.install();
        var properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", objects.toString());
        var proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem-nio2", properties))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(),
                        credentials.secretAccessKey())
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("The embedded object store could not start on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        var endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        log.info("Embedded object store listening on {} (data in {})", endpoint, objects);
        return new EmbeddedS3Store(proxy, credentials, endpoint);
    }

    URI endpoint() {
        return endpoint;
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline) || "FAILED".equals(proxy.getState())) {
                throw new IllegalStateException("state " + proxy.getState() + " after " + START_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            log.warn("Stopping the embedded object store failed: {}", e.getMessage());
        }
    }

    static Credentials loadOrCreateCredentials(Path file) {
        try {
            var properties = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                String id = properties.getProperty("accessKeyId");
                String secret = properties.getProperty("secretAccessKey");
                if (id == null || secret == null || id.isBlank() || secret.isBlank()) {
                    throw new IllegalStateException("The embedded store's credentials file " + file
                            + " is incomplete; move it aside to have new credentials generated.");
                }
                return new Credentials(id, secret);
            }
            var random = new SecureRandom();
            var credentials = new Credentials("AIRLOCK" + randomHex(random, 8).toUpperCase(java.util.Locale.ROOT),
                    randomHex(random, 20));
            properties.setProperty("accessKeyId", credentials.accessKeyId());
            properties.setProperty("secretAccessKey", credentials.secretAccessKey());
            var text = new StringWriter();
            properties.store(text, "Airlock embedded object store credentials (generated; keep private)");
            DataDirectory.writePrivateFile(file, text.toString().getBytes(StandardCharsets.UTF_8));
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
