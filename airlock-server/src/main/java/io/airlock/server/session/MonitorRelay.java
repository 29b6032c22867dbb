package io.airlock.server.session;

import io.airlock.server.cluster.NodeAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Monitor for a session another gateway node runs: this node, which the administrator's browser reached,
 * opens a WebSocket to the owning node's internal monitor endpoint (authenticated with {@link NodeAuth})
 * and passes every message on, one at a time, so the owning node's bounded monitor queue is what absorbs a
 * slow administrator. Either side closing closes the other. No sticky routing is needed: the browser may
 * reach any node.
 */
@Component
class MonitorRelay {

    static final String PATH = "/internal/monitor";
    private static final Logger log = LoggerFactory.getLogger(MonitorRelay.class);

    private final NodeAuth auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, WebSocket> upstreams = new ConcurrentHashMap<>();

    MonitorRelay(NodeAuth auth) {
        this.auth = auth;
    }

    static String subject(long sessionId) {
        return "monitor:" + sessionId;
    }

    /** Relays the session's monitor stream from the node at {@code nodeAddress} (http://host:port). */
    void relay(long sessionId, String nodeAddress, WebSocketSession admin) {
        var out = new ConcurrentWebSocketSessionDecorator(admin, Monitor.SEND_TIME_LIMIT_MS, Monitor.BUFFER_LIMIT,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        URI uri = URI.create(nodeAddress.replaceFirst("^http", "ws") + PATH + "?session=" + sessionId);
        http.newWebSocketBuilder()
                .header(NodeAuth.HEADER, auth.sign(subject(sessionId)))
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Passing(out))
                .whenComplete((upstream, failure) -> {
                    if (failure != null) {
                        log.warn("Monitor of session #{} through {} failed: {}", sessionId, nodeAddress,
                                failure.getMessage());
                        closeQuietly(out, new CloseStatus(4502, "The gateway node running this session could not "
                                + "be reached."));
                    } else if (!admin.isOpen()) {
                        upstream.sendClose(WebSocket.NORMAL_CLOSURE, "");
                    } else {
                        upstreams.put(admin.getId(), upstream);
                    }
                });
    }

    /**
     * Passes on what the administrator's browser sent (a desktop monitor's RFB requests), one message at a
     * time: the socket's messages arrive in order on one thread, and the client takes one send at a time.
     */
    void input(WebSocketSession admin, byte[] bytes) {
        WebSocket upstream = upstreams.get(admin.getId());
        if (upstream != null) {
            try {
                upstream.sendBinary(ByteBuffer.wrap(bytes), true).get(Monitor.SEND_TIME_LIMIT_MS,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                upstream.abort();
                closeQuietly(admin, new CloseStatus(4502, "The gateway node running this session stopped answering."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The administrator closed the monitor window. */
    void closed(WebSocketSession admin) {
        WebSocket upstream = upstreams.remove(admin.getId());
        if (upstream != null) {
            upstream.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException e) {
            // already gone
        }
    }

    /** Passes each whole message to the administrator, then asks for the next. */
    private static final class Passing implements WebSocket.Listener {
        private final WebSocketSession out;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Passing(WebSocketSession out) {
            this.out = out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket upstream, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                send(upstream, new TextMessage(text.toString()));
                text.setLength(0);
            }
            upstream.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket upstream, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                send(upstream, new BinaryMessage(binary.toByteArray()));
                binary.reset();
            }
            upstream.request(1);
            return null;
        }

        private void send(WebSocket upstream, org.springframework.web.socket.WebSocketMessage<?> message) {
            try {
                out.sendMessage(message);
            } catch (IOException | RuntimeException e) {
                upstream.abort();
                closeQuietly(out, Monitor.FELL_BEHIND);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket upstream, int statusCode, String reason) {
            closeQuietly(out, new CloseStatus(statusCode, reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket upstream, Throwable error) {
            closeQuietly(out, new CloseStatus(4502, "The gateway node running this session stopped answering."));
        }
    }
}
