package io.airlock.server.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A thin HTTP proxy on loopback in front of a real S3 store (path-style requests), standing in for what
 * AWS IAM would do: it answers S3's own {@code AccessDenied} 403 for one chosen operation, and — when given
 * the secret — verifies each request's AWS Signature V4 and answers {@code SignatureDoesNotMatch} when it
 * was made with another secret (S3Mock itself accepts any signature). Everything else is forwarded as is.
 */
public final class S3FrontProxy implements AutoCloseable {

    /** The S3 operations the activation check probes, as IAM names them. */
    public enum Operation {
        PUT_OBJECT("s3:PutObject"), GET_OBJECT("s3:GetObject"), LIST_BUCKET("s3:ListBucket"),
        GET_OBJECT_TAGGING("s3:GetObjectTagging"), PUT_OBJECT_TAGGING("s3:PutObjectTagging"), OTHER("other");

        final String permission;

        Operation(String permission) {
            this.permission = permission;
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private volatile Operation denied;
    private volatile String requiredSecret;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private S3FrontProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static S3FrontProxy start(URI upstream) {
        try {
            return new S3FrontProxy(upstream);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Denies one operation from now on; null denies none. */
    public void deny(Operation operation) {
        this.denied = operation;
    }

    /** Accepts only requests signed with this secret; null accepts any signature. */
    public void requireSecret(String secret) {
        this.requiredSecret = secret;
    }

    /** Answers the next {@code count} requests with 503 SlowDown, as a throttling store does. */
    public void throttleNext(int count) {
        throttleNext.set(count);
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    static Operation classify(String method, String path, String query) {
        List<String> params = query == null ? List.of()
                : Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).toList();
        String[] segments = path.replaceFirst("^/", "").split("/", 2);
        boolean objectLevel = segments.length == 2 && !segments[1].isEmpty();
        if (params.contains("tagging") && objectLevel) {
            return "PUT".equals(method) ? Operation.PUT_OBJECT_TAGGING
                    : "GET".equals(method) ? Operation.GET_OBJECT_TAGGING : Operation.OTHER;
        }
        if (!objectLevel) {
            return "GET".equals(method) && !params.contains("location") ? Operation.LIST_BUCKET : Operation.OTHER;
        }
        return switch (method) {
            // Multipart parts need s3:PutObject as well.
            case "PUT", "POST" -> Operation.PUT_OBJECT;
            case "GET", "HEAD" -> Operation.GET_OBJECT;
            default -> Operation.OTHER;
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.incrementAndGet();
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 503, "SlowDown", "Please reduce your request rate.");
                return;
            }
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String secret = requiredSecret;
            if (secret != null && !signatureMatches(exchange, method, rawPath, rawQuery, secret)) {
                error(exchange, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                        + "the signature you provided. Check your key and signing method.");
                return;
            }
            Operation operation = classify(method, rawPath, rawQuery);
            if (operation == denied) {
                error(exchange, 403, "AccessDenied", "User: arn:aws:iam::000000000000:user/airlock-test is not "
                        + "authorized to perform: " + operation.permission + " because no identity-based policy "
                        + "allows the " + operation.permission + " action");
                return;
            }
            forward(exchange, method, rawPath, rawQuery, body);
        }
    }

    private void forward(HttpExchange exchange, String method, String rawPath, String rawQuery, byte[] body)
            throws IOException {
        var request = HttpRequest.newBuilder(URI.create(upstream + rawPath + (rawQuery == null ? "" : "?" + rawQuery)))
                .timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 && !"PUT".equals(method) && !"POST".equals(method)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        if ("HEAD".equals(method)) {
            response.headers().firstValue("content-length")
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
        }
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 || "HEAD".equals(method) ? -1 : out.length);
        if (out.length > 0 && !"HEAD".equals(method)) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>AIRLOCKTEST0001</RequestId><HostId>airlock-test</HostId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(xml);
        }
    }

    /** AWS Signature V4 of the request headers (the payload hash is taken as declared). */
    static boolean signatureMatches(HttpExchange exchange, String method, String rawPath, String rawQuery,
            String secret) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return false;
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "Credential" -> credential = kv[1];
                    case "SignedHeaders" -> signedHeaders = kv[1];
                    case "Signature" -> signature = kv[1];
                    default -> { }
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return false;
        }
        String[] scope = credential.split("/", 2); // access key id / date/region/service/aws4_request
        String[] scopeParts = scope[1].split("/");
        var canonical = new StringBuilder().append(method).append('\n').append(rawPath).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        for (String header : signedHeaders.split(";")) {
            List<String> values = exchange.getRequestHeaders().get(header);
            String value = values == null ? "" : String.join(",", values).strip().replaceAll(" +", " ");
            canonical.append(header).append(':').append(value).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n')
                .append(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
        String stringToSign = "AWS4-HMAC-SHA256\n" + exchange.getRequestHeaders().getFirst("x-amz-date") + "\n"
                + scope[1] + "\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
        key = hmac(key, scopeParts[1]);
        key = hmac(key, scopeParts[2]);
        key = hmac(key, "aws4_request");
        return MessageDigest.isEqual(hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            pairs.add(p.contains("=") ? p : p + "=");
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        http.close();
    }
}
