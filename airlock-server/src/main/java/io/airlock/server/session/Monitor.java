package io.airlock.server.session;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A read-only mirror of a live session for an administrator. It has its own bounded queue and sender, so
 * a slow monitor never slows the session it watches: when it falls too far behind it is closed.
 */
final class Monitor {

    static final int QUEUE_CHUNKS = 512;

    private final WebSocketSession socket;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private volatile boolean closed;

    Monitor(WebSocketSession socket) {
        this.socket = socket;
        Thread.ofVirtual().name("monitor-" + socket.getId()).start(this::send);
    }

    /** Queues output for the monitor; closes it if it cannot keep up. */
    void offer(byte[] chunk) {
        if (!closed && !queue.offer(chunk)) {
            close(new CloseStatus(4008, "The monitor could not keep up and was closed; open it again."));
        }
    }

    void notice(String json) {
        try {
            synchronized (socket) {
                if (socket.isOpen()) {
                    socket.sendMessage(new TextMessage(json));
                }
            }
        } catch (IOException e) {
            close(CloseStatus.SERVER_ERROR);
        }
    }

    boolean isClosed() {
        return closed || !socket.isOpen();
    }

    void close(CloseStatus status) {
        closed = true;
        try {
            socket.close(status);
        } catch (IOException e) {
            // the monitor's browser is gone already
        }
    }

    private void send() {
        try {
            while (!closed) {
                byte[] chunk = queue.poll(1, TimeUnit.SECONDS);
                if (chunk != null) {
                    synchronized (socket) {
                        socket.sendMessage(new BinaryMessage(chunk));
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
