package io.airlock.server.session;

import io.airlock.server.connector.RemoteConnection;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * An open session: the browser's WebSocket on one side, the equipment's connection on the other, and the
 * recorder and monitors tapped into the output. One virtual thread pumps equipment output to the browser
 * with blocking sends, so a slow browser slows the reads from the equipment instead of filling memory.
 */
final class LiveSession {

    private static final Logger log = LoggerFactory.getLogger(LiveSession.class);
    static final int CHUNK = 16 * 1024;

    /** What happens when a session ends: history row, registry, recording status. */
    record Ending(EndReason reason, String detail, String endedBy, long toEquipment, long fromEquipment) {
    }

    private final long recordId;
    private final Launch launch;
    private final Instant startedAt;
    private final WebSocketSession socket;
    private final RemoteConnection connection;
    private final SessionRecorder recorder;
    private final Consumer<Ending> onEnd;
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private final RecentOutput recent = new RecentOutput();
    private final AtomicLong toEquipment = new AtomicLong();
    private final AtomicLong fromEquipment = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Object sendLock = new Object();
    private volatile int columns;
    private volatile int rows;

    LiveSession(long recordId, Launch launch, Instant startedAt, WebSocketSession socket, RemoteConnection connection,
            SessionRecorder recorder, int columns, int rows, Consumer<Ending> onEnd) {
        this.columns = columns;
        this.rows = rows;
        this.recordId = recordId;
        this.launch = launch;
        this.startedAt = startedAt;
        this.socket = socket;
        this.connection = connection;
        this.recorder = recorder;
        this.onEnd = onEnd;
    }

    long recordId() {
        return recordId;
    }

    Launch launch() {
        return launch;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean recorded() {
        return recorder != null;
    }

    long bytesToEquipment() {
        return toEquipment.get();
    }

    long bytesFromEquipment() {
        return fromEquipment.get();
    }

    int monitorCount() {
        monitors.removeIf(Monitor::isClosed);
        return monitors.size();
    }

    void start() {
        Thread.ofVirtual().name("session-" + recordId).start(this::pump);
    }

    private void pump() {
        byte[] buffer = new byte[CHUNK];
        InputStream output = connection.output();
        try {
            int n;
            while (!ended.get() && (n = output.read(buffer)) >= 0) {
                if (n == 0) {
                    continue;
                }
                fromEquipment.addAndGet(n);
                if (recorder != null) {
                    try {
                        recorder.output(buffer, 0, n);
                    } catch (IOException e) {
                        throw new RecordingFailure(e);
                    }
                }
                recent.append(buffer, 0, n);
                byte[] chunk = java.util.Arrays.copyOf(buffer, n);
                for (Monitor m : monitors) {
                    m.offer(chunk);
                }
                synchronized (sendLock) {
                    socket.sendMessage(new BinaryMessage(chunk));
                }
            }
            end(EndReason.EQUIPMENT_CLOSED, "The equipment closed the connection.", null);
        } catch (RecordingFailure e) {
            end(EndReason.ERROR, e.getMessage(), null);
        } catch (IOException | IllegalStateException e) {
            if (!ended.get()) {
                boolean browserGone = !socket.isOpen();
                end(browserGone ? EndReason.CLOSED_BY_USER : EndReason.ERROR,
                        browserGone ? "The session window was closed." : "The connection failed: " + e.getMessage(),
                        null);
            }
        }
    }

    /** Keystrokes or pasted text from the user. */
    void input(byte[] data) {
        if (ended.get()) {
            return;
        }
        try {
            connection.write(data, 0, data.length);
            toEquipment.addAndGet(data.length);
        } catch (IOException e) {
            end(EndReason.EQUIPMENT_CLOSED, "The equipment closed the connection.", null);
        }
    }

    void resize(int columns, int rows) {
        if (ended.get()) {
            return;
        }
        this.columns = columns;
        this.rows = rows;
        for (Monitor m : monitors) {
            m.notice(sizeNotice("resize"));
        }
        try {
            connection.resize(columns, rows);
            if (recorder != null) {
                recorder.resize(columns, rows);
            }
        } catch (IOException e) {
            if (recorder != null) {
                end(EndReason.ERROR, recordingFailed(e), null);
            }
        }
    }

    void attach(Monitor monitor) {
        monitor.notice(sizeNotice("ready"));
        monitor.offer(recent.snapshot());
        monitors.add(monitor);
        if (recorder != null) {
            try {
                recorder.marker("monitoring started");
            } catch (IOException e) {
                end(EndReason.ERROR, recordingFailed(e), null);
            }
        }
    }

    /** Ends the session once; later calls do nothing. */
    void end(EndReason reason, String detail, String endedBy) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        connection.close();
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                log.warn("Closing the recording of session {} failed: {}", recordId, e.getMessage());
            }
        }
        String notice = "{\"type\":\"ended\",\"reason\":\"" + reason.name() + "\",\"message\":"
                + jsonString(detail) + "}";
        sendQuietly(notice);
        for (Monitor m : monitors) {
            m.notice(notice);
            m.close(CloseStatus.NORMAL);
        }
        try {
            socket.close(reason == EndReason.ERROR ? CloseStatus.SERVER_ERROR : CloseStatus.NORMAL);
        } catch (IOException e) {
            // the browser is gone already
        }
        onEnd.accept(new Ending(reason, detail, endedBy, toEquipment.get(), fromEquipment.get()));
    }

    private String sizeNotice(String type) {
        return "{\"type\":\"" + type + "\",\"sessionId\":" + recordId + ",\"cols\":" + columns + ",\"rows\":"
                + rows + "}";
    }

    void sendQuietly(String json) {
        try {
            synchronized (sendLock) {
                if (socket.isOpen()) {
                    socket.sendMessage(new TextMessage(json));
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the browser is gone; the session ends anyway
        }
    }

    static String recordingFailed(IOException e) {
        return "Recording failed (" + e.getMessage() + "); the session was ended because its access group "
                + "enforces recording.";
    }

    /** A JSON string literal, escaped by Jackson's encoder. */
    static String jsonString(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(s == null ? "" : s)) + "\"";
    }

    /** A recorder write failed while pumping output. */
    static final class RecordingFailure extends IOException {
        private static final long serialVersionUID = 1L;

        RecordingFailure(IOException cause) {
            super(recordingFailed(cause), cause);
        }
    }
}
