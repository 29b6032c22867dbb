package io.airlock.server.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** The test's side of a session WebSocket: what a browser's terminal would see and send. */
public final class TerminalSocket implements AutoCloseable {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<JsonNode> notices = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;

    private TerminalSocket() {
    }

    static TerminalSocket open(HttpClient http, URI uri, String origin) {
        var terminal = new TerminalSocket();
        var builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            terminal.socket = builder.buildAsync(uri, terminal.listener()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new HandshakeRefused(e);
        }
        return terminal;
    }

    /** The handshake was refused (e.g. 403 for a foreign origin). */
    public static final class HandshakeRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandshakeRefused(Throwable cause) {
            super(cause instanceof CompletionException ? cause.getCause() : cause);
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                synchronized (output) {
                    output.write(bytes, 0, bytes.length);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    notices.add(Json.parse(text.toString()));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    public void type(String keys) {
        socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    public void resize(int columns, int rows) {
        socket.sendText("{\"type\":\"resize\",\"cols\":" + columns + ",\"rows\":" + rows + "}", true).join();
    }

    public String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    public long outputBytes() {
        synchronized (output) {
            return output.size();
        }
    }

    /** Clears what was received, e.g. before waiting for a command's output. */
    public void clearOutput() {
        synchronized (output) {
            output.reset();
        }
    }

    /** Waits (bounded) until the output contains the text; fails with what was seen. */
    public String awaitOutput(String expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(expected)) {
                return output();
            }
            if (closed.isDone()) {
                break;
            }
            sleep(20);
        }
        throw new AssertionError("did not see '" + expected + "' within " + timeout + "; notices " + notices
                + "; output: " + output());
    }

    /** Waits (bounded) for a control message of the given type. */
    public JsonNode awaitNotice(String type, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode n : notices) {
                if (type.equals(n.path("type").asString(""))) {
                    return n;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no '" + type + "' notice within " + timeout + "; notices " + notices + "; output: "
                + output());
    }

    public boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "window closed").exceptionally(e -> null);
        }
        awaitClosed(Duration.ofSeconds(5));
        if (socket != null) {
            socket.abort();
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
