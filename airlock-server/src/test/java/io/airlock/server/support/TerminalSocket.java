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
    /** Counting mode: binary output is counted, and only a short tail is kept (null when off). */
    private volatile Counter counter;
    /** While held, no further messages are requested: the browser stops reading its socket. */
    private volatile String closeReason;
    private boolean held;
    private boolean requestOwed;

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
            super(cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException
                    ? cause.getCause() : cause);
        }

        /** The HTTP status the server answered the handshake with; 0 when it did not answer. */
        public int status() {
            return getCause() instanceof java.net.http.WebSocketHandshakeException refused
                    ? refused.getResponse().statusCode() : 0;
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                Counter counting = counter;
                if (counting != null) {
                    counting.add(data, last);
                    requestNext(ws);
                    return null;
                }
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                synchronized (output) {
                    output.write(bytes, 0, bytes.length);
                }
                requestNext(ws);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    notices.add(Json.parse(text.toString()));
                    text.setLength(0);
                }
                requestNext(ws);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeReason = reason;
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    private void requestNext(WebSocket ws) {
        synchronized (this) {
            if (held) {
                requestOwed = true;
                return;
            }
        }
        ws.request(1);
    }

    /**
     * Stops taking messages off the socket, like a browser tab that stalls: the socket's buffers fill up
     * and the gateway has to wait. {@link #releaseOutput()} resumes.
     */
    public void holdOutput() {
        synchronized (this) {
            held = true;
        }
    }

    public void releaseOutput() {
        boolean request;
        synchronized (this) {
            held = false;
            request = requestOwed;
            requestOwed = false;
        }
        if (request) {
            socket.request(1);
        }
    }

    /** The reason the server gave when it closed the socket; null while open. */
    public String closeReason() {
        return closeReason;
    }

    /** Sends a control message, as the session window does. */
    public void sendText(String json) {
        socket.sendText(json, true).join();
    }

    public void type(String keys) {
        socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    /** Sends bytes as they are, as a graphical session window does. */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Every binary byte received so far, unchanged. */
    public byte[] outputByteArray() {
        synchronized (output) {
            return output.toByteArray();
        }
    }

    public void resize(int columns, int rows) {
        socket.sendText("{\"type\":\"resize\",\"cols\":" + columns + ",\"rows\":" + rows + "}", true).join();
    }

    /** Every binary byte received since the last call, which it takes away: for streams read as they come. */
    public byte[] takeOutput() {
        synchronized (output) {
            byte[] taken = output.toByteArray();
            output.reset();
            return taken;
        }
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

    /**
     * Switches to counting mode for bulk output: from now on received output is only counted, and only
     * its last {@code tailBytes} bytes are kept, so megabytes of output do not pile up in the test's
     * memory. The position where {@code marker} first appears is remembered. What {@link #output()} held
     * so far is cleared; text messages (notices) are still kept.
     */
    public void startCounting(String marker, int tailBytes) {
        var counting = new Counter(marker.getBytes(StandardCharsets.UTF_8), tailBytes);
        synchronized (output) {
            output.reset();
        }
        counter = counting;
    }

    /** Bytes of output received since {@link #startCounting}; 0 when not counting. */
    public long countedBytes() {
        Counter counting = counter;
        return counting == null ? 0 : counting.count();
    }

    /** Whole binary messages received since {@link #startCounting}. */
    public long countedMessages() {
        Counter counting = counter;
        return counting == null ? 0 : counting.messages();
    }

    /** The number of bytes counted when the marker was first complete, or -1 while it has not been seen. */
    public long markerSeenAt() {
        Counter counting = counter;
        return counting == null ? -1 : counting.markerAt();
    }

    /**
     * Waits (bounded) until at least {@code bytes} bytes were counted, waking as soon as they arrive (no
     * polling, so it can time round trips); returns false on timeout or when not counting.
     */
    public boolean awaitCounted(long bytes, Duration timeout) {
        Counter counting = counter;
        if (counting == null) {
            return false;
        }
        try {
            return counting.await(bytes, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last bytes received in counting mode, as text. */
    public String countedTail() {
        Counter counting = counter;
        return counting == null ? "" : counting.tail();
    }

    /** Whether the socket has closed (either side). */
    public boolean isClosed() {
        return closed.isDone();
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

    /**
     * Counts output, finds the marker anywhere in it (also across message boundaries) and keeps a
     * bounded tail for messages; fed by the WebSocket listener one message part at a time.
     */
    private static final class Counter {
        private final byte[] marker;
        private final int[] fallback;
        private final byte[] tail;
        private byte[] scratch = new byte[16 * 1024];
        private int tailLength;
        private int matched;
        private volatile long count;
        private volatile long messages;
        private volatile long markerAt = -1;

        Counter(byte[] marker, int tailBytes) {
            if (marker.length == 0 || tailBytes < 1) {
                throw new IllegalArgumentException("a marker and a tail are needed");
            }
            this.marker = marker;
            this.tail = new byte[tailBytes];
            // Knuth-Morris-Pratt: how much of the marker still matches after a mismatch.
            fallback = new int[marker.length];
            for (int i = 1, k = 0; i < marker.length; i++) {
                while (k > 0 && marker[i] != marker[k]) {
                    k = fallback[k - 1];
                }
                if (marker[i] == marker[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        synchronized void add(ByteBuffer data, boolean last) {
            int n = data.remaining();
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, 2 * scratch.length)];
            }
            byte[] bytes = scratch;
            data.get(bytes, 0, n);
            if (markerAt < 0) {
                int at = find(bytes, n);
                if (at >= 0) {
                    markerAt = count + at;
                }
            }
            // Keep the last tail.length bytes of (tail + data).
            int keep = Math.min(n, tail.length);
            int fromOld = Math.min(tailLength, tail.length - keep);
            System.arraycopy(tail, tailLength - fromOld, tail, 0, fromOld);
            System.arraycopy(bytes, n - keep, tail, fromOld, keep);
            tailLength = fromOld + keep;
            count += n;
            if (last) {
                messages++;
            }
            notifyAll();
        }

        /** Continues the marker search through the bytes; returns the offset just after the marker, or -1. */
        private int find(byte[] bytes, int n) {
            byte first = marker[0];
            int m = matched;
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (m == 0 && b != first) {
                    continue; // the common case, kept tight
                }
                while (m > 0 && marker[m] != b) {
                    m = fallback[m - 1];
                }
                if (marker[m] == b && ++m == marker.length) {
                    matched = m;
                    return i + 1;
                }
            }
            matched = m;
            return -1;
        }

        synchronized boolean await(long bytes, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < bytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        long count() {
            return count;
        }

        long markerAt() {
            return markerAt;
        }

        long messages() {
            return messages;
        }

        synchronized String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.UTF_8);
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
