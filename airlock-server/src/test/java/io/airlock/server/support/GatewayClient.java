package io.airlock.server.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A browser-like HTTP client for API tests: it keeps cookies and echoes the XSRF-TOKEN cookie in the
 * X-XSRF-TOKEN header, exactly as the single-page app does.
 */
public final class GatewayClient {

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;

    public GatewayClient(int port) {
        this(port, new CookieManager());
    }

    private GatewayClient(int port, CookieManager cookies) {
        this.base = URI.create("http://localhost:" + port);
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The same browser, cookies and all, reaching another gateway node on {@code port}, as a load balancer
     * would send its next request (cookies are per host, not per port).
     */
    public GatewayClient sameBrowserAt(int port) {
        return new GatewayClient(port, cookies);
    }

    /** A response with its status, body and headers. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
    }

    /** A response whose body is bytes (a recording), not text. */
    public record BytesReply(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A GET with extra headers (such as Range) whose body is kept as bytes. */
    public BytesReply getBytes(String path, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        HttpResponse<byte[]> response = exchange(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BytesReply(response.statusCode(), response.body(), response.headers());
    }

    public Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(body(json)), withCsrf(headers));
    }

    public Reply patch(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).method("PATCH", body(json)), withCsrf(Map.of()));
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(body(json)), withCsrf(Map.of()));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), withCsrf(Map.of()));
    }

    /** A POST without the CSRF header, as a forged cross-site form would send it. */
    public Reply postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(body(json)), Map.of());
    }

    /** Fetches the session (which sets the CSRF cookie) and signs in. */
    public Reply signIn(String username, String password) {
        get("/api/session");
        return post("/api/auth/login", Json.object("username", username, "password", password));
    }

    /** Opens a WebSocket on this client's session, sending the given Origin (null for none). */
    public TerminalSocket openSocket(String pathAndQuery, String origin) {
        return TerminalSocket.open(http, URI.create(base.toString().replace("http://", "ws://") + pathAndQuery),
                origin);
    }

    /** The origin a browser showing this gateway would send. */
    public String origin() {
        return base.toString();
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The cookies a browser would send to this gateway, as one {@code Cookie} header value. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().get(base).stream().map(HttpCookie::toString).toList());
    }

    public URI base() {
        return base;
    }

    private Map<String, String> withCsrf(Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            all.putIfAbsent("X-XSRF-TOKEN", token);
        }
        return all;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
        builder.header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        HttpResponse<String> response = exchange(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
