package io.airlock.server.session;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * A read-only mirror of a live session for an administrator. Everything for it — output and notices, in
 * the order they happened — goes into its own bounded queue, and only its own thread writes to its socket:
 * the session's pump never waits for a monitor, and a monitor that falls {@link #BUFFER_LIMIT} behind, or
 * whose socket takes longer than {@link #SEND_TIME_LIMIT_MS} for one message, is dropped with a reason.
 *
 * <p>The socket is wrapped in Spring's {@link ConcurrentWebSocketSessionDecorator} (send-time and buffer
 * limits, terminate on overflow) so the sender and a close from another thread never interleave frames. The
 * queue in front of it is ours because the decorator sends on whichever thread calls it, which would put a
 * slow monitor's network writes on the session's pump.
 */
final class Monitor {

    private static final Logger log = LoggerFactory.getLogger(Monitor.class);

    static final int BUFFER_LIMIT = 4 * 1024 * 1024;
    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final CloseStatus FELL_BEHIND = new CloseStatus(4008,
            "The monitor could not keep up with the session and was closed; open it again.");
    /** Tomcat's per-socket bound on one blocking send, so a stuck network write ends instead of hanging. */
    static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    /** Closes the socket once everything queued before it has been sent. */
    private record Close(CloseStatus status) implements WebSocketMessage<String> {
        @Override
        public String getPayload() {
            return "";
        }

        @Override
        public int getPayloadLength() {
            return 0;
        }

        @Override
        public boolean isLast() {
            return true;
        }
    }

    private final WebSocketSession socket;
    private final LinkedBlockingQueue<WebSocketMessage<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean closed;
    /** Where the monitor's own bytes go: nowhere for a terminal; the gateway's RFB server for a desktop. */
    private volatile Consumer<byte[]> input = bytes -> { };

    Monitor(WebSocketSession raw) {
        raw.getAttributes().put(Monitor.class.getName(), this);
        if (raw instanceof NativeWebSocketSession nativeSession) {
            var session = nativeSession.getNativeSession(jakarta.websocket.Session.class);
            if (session != null) {
                session.getUserProperties().put(TOMCAT_SEND_TIMEOUT, (long) SEND_TIME_LIMIT_MS);
            }
        }
        this.socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        Thread.ofVirtual().name("monitor-" + raw.getId()).start(this::send);
    }

    /** {@return the monitor attached on this socket, if any} */
    static Monitor on(WebSocketSession socket) {
        return socket.getAttributes().get(Monitor.class.getName()) instanceof Monitor m ? m : null;
    }

    /** What the monitor's browser sends goes to {@code handler} from now on. */
    void onInput(Consumer<byte[]> handler) {
        this.input = handler;
    }

    void input(byte[] bytes) {
        if (!closed) {
            input.accept(bytes);
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Queues output; drops the monitor if it is too far behind. Never blocks. */
    void output(byte[] chunk) {
        enqueue(new BinaryMessage(chunk));
    }

    /** Queues a control message, after all output queued before it. Never blocks. */
    void notice(String json) {
        enqueue(new TextMessage(json));
    }

    /** Sends what is queued, then closes. */
    void finish(CloseStatus status) {
        if (!closed) {
            queue.add(new Close(status));
        }
    }

    boolean isClosed() {
        return closed || !socket.isOpen();
    }

    private void enqueue(WebSocketMessage<?> message) {
        if (closed) {
            return;
        }
        if (queuedBytes.addAndGet(message.getPayloadLength()) > BUFFER_LIMIT) {
            drop(FELL_BEHIND);
            return;
        }
        queue.add(message);
    }

    /**
     * Stops the monitor from any thread without waiting: closing sends a close frame, which waits behind a
     * send already stuck on a full network buffer, so the close runs on a thread of its own. The session's
     * pump, which drops a monitor that fell behind, never waits for it.
     */
    void drop(CloseStatus status) {
        closed = true;
        queue.clear();
        Thread.ofVirtual().name("monitor-close-" + socket.getId()).start(() -> {
            try {
                socket.close(status);
            } catch (IOException | RuntimeException e) {
                // the monitor's browser is gone already
            }
        });
    }

    private void send() {
        try {
            while (!closed) {
                WebSocketMessage<?> message = queue.poll(1, TimeUnit.SECONDS);
                if (message == null) {
                    closed = !socket.isOpen();
                    continue;
                }
                if (message instanceof Close close) {
                    drop(close.status());
                    return;
                }
                queuedBytes.addAndGet(-message.getPayloadLength());
                socket.sendMessage(message);
            }
        } catch (IOException | RuntimeException e) {
            // send timeout, overflow or a gone browser: this monitor ends, the session goes on
            log.debug("Monitor {} dropped: {}", socket.getId(), e.toString());
            drop(FELL_BEHIND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(CloseStatus.GOING_AWAY);
        }
    }
}
