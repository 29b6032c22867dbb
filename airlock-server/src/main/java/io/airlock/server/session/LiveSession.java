package io.airlock.server.session;

import io.airlock.server.connector.DesktopViewer;
import io.airlock.server.connector.RemoteConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * An open session: the browser's WebSocket on one side, the equipment's connection on the other, and the
 * recorder and monitors tapped into the output. One virtual thread pumps equipment output to the browser
 * with blocking sends, so a slow browser slows the reads from the equipment instead of filling memory; the
 * browser's terminal can also ask for a pause when it has more output than it has drawn. Locks are
 * {@link ReentrantLock}s: they are held across network writes, which must not pin a virtual thread's carrier.
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
    private final Recorder recorder;
    private final Consumer<Ending> onEnd;
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private final RecentOutput recent = new RecentOutput();
    private final AtomicLong toEquipment = new AtomicLong();
    private final AtomicLong fromEquipment = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** One frame at a time on the user's socket. */
    private final ReentrantLock sendLock = new ReentrantLock();
    /** Orders output against monitors attaching, so a new monitor sees every byte exactly once. */
    private final ReentrantLock fanOut = new ReentrantLock();
    private final ReentrantLock flow = new ReentrantLock();
    private final Condition resumed = flow.newCondition();
    private boolean paused; // guarded by flow
    private volatile int columns;
    private volatile int rows;

    LiveSession(long recordId, Launch launch, Instant startedAt, WebSocketSession socket, RemoteConnection connection,
            Recorder recorder, int columns, int rows, Consumer<Ending> onEnd) {
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
            while (awaitResumed() && (n = output.read(buffer)) >= 0) {
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
                fanOut.lock();
                try {
                    recent.append(buffer, 0, n);
                    // a desktop's monitors are served from its decoded screen, never from this stream
                    if (!monitors.isEmpty() && connection.desktop().isEmpty()) {
                        byte[] chunk = Arrays.copyOf(buffer, n); // monitors send it later, on their own threads
                        for (Monitor m : monitors) {
                            m.output(chunk);
                        }
                    }
                } finally {
                    fanOut.unlock();
                }
                // The send blocks until the frame is written, so the read buffer is free again afterwards.
                send(new BinaryMessage(ByteBuffer.wrap(buffer, 0, n)));
            }
            end(EndReason.EQUIPMENT_CLOSED, "The equipment closed the connection.", null);
        } catch (RecordingFailure e) {
            end(EndReason.ERROR, e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            if (!ended.get()) {
                boolean browserGone = !socket.isOpen();
                end(browserGone ? EndReason.CLOSED_BY_USER : EndReason.ERROR,
                        browserGone ? "The session window was closed." : "The connection failed: " + e.getMessage(),
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(EndReason.GATEWAY_STOPPED, "The gateway was stopped.", null);
        }
    }

    /**
     * Waits while the browser asked for a pause (its terminal has too much unprocessed output); the
     * equipment is not read meanwhile, so it is slowed down instead of the gateway buffering.
     *
     * @return false once the session has ended
     */
    private boolean awaitResumed() throws InterruptedException {
        flow.lock();
        try {
            while (paused && !ended.get()) {
                resumed.await();
            }
        } finally {
            flow.unlock();
        }
        return !ended.get();
    }

    /** The browser's terminal is behind: stop reading the equipment until {@link #resume()}. */
    void pause() {
        setPaused(true);
    }

    void resume() {
        setPaused(false);
    }

    private void setPaused(boolean value) {
        flow.lock();
        try {
            paused = value;
            resumed.signalAll();
        } finally {
            flow.unlock();
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
        } catch (RecordingFailure e) {
            end(EndReason.ERROR, e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            end(EndReason.EQUIPMENT_CLOSED, "The equipment closed the connection.", null);
        }
    }

    void resize(int columns, int rows) {
        if (ended.get()) {
            return;
        }
        this.columns = columns;
        this.rows = rows;
        tellMonitors(sizeNotice("resize"));
        try {
            connection.resize(columns, rows);
        } catch (IOException | RuntimeException e) {
            log.debug("Session #{}: the equipment did not take the new size: {}", recordId, e.toString());
        }
        if (recorder != null) {
            try {
                recorder.resize(columns, rows);
            } catch (IOException e) {
                end(EndReason.ERROR, recordingFailed(e), null);
            }
        }
    }

    /**
     * Shows the monitor the current screen, then every byte after it: none lost, none twice. A desktop's
     * monitor gets an RFB server of its own instead, fed from the gateway's copy of the screen.
     */
    void attach(Monitor monitor) {
        if (ended.get()) {
            monitor.drop(CloseStatus.NORMAL);
            return;
        }
        var desktop = connection.desktop();
        fanOut.lock();
        try {
            monitor.notice("{\"type\":\"ready\",\"sessionId\":" + recordId + ",\"cols\":" + columns
                    + ",\"rows\":" + rows + ",\"username\":" + jsonString(launch.username()) + ",\"assetName\":"
                    + jsonString(launch.assetName()) + ",\"protocol\":\"" + launch.protocol().name() + "\"}");
            if (desktop.isPresent()) {
                monitor.onInput(desktop.get().watch(new MonitorOutput(monitor))::input);
            } else {
                monitor.output(recent.snapshot());
            }
            monitors.removeIf(Monitor::isClosed);
            monitors.add(monitor);
        } finally {
            fanOut.unlock();
        }
        if (recorder != null) {
            try {
                recorder.marker("monitoring started");
            } catch (IOException e) {
                end(EndReason.ERROR, recordingFailed(e), null);
            }
        }
    }

    /** A notice for the user only, e.g. that their access window closes soon. */
    void warn(String json) {
        if (!ended.get()) {
            sendQuietly(json);
        }
    }

    /**
     * Ends the session on a thread of its own, for callers that must not wait for its sockets: an
     * administrator's request, the access watch going over every session.
     */
    void endAside(EndReason reason, String detail, String endedBy) {
        Thread.ofVirtual().name("session-end-" + recordId).start(() -> end(reason, detail, endedBy));
    }

    /**
     * Ends the session once; later calls do nothing. Every step runs even when an earlier one fails, so a
     * broken recorder or a gone browser never leaves the history row open or the equipment connected.
     */
    void end(EndReason reason, String detail, String endedBy) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        setPaused(false);
        step("closing the equipment connection", connection::close);
        if (recorder != null) {
            step("closing the recording", recorder::close);
        }
        // The history says the session ended before anyone is told it did.
        step("ending the history row", () -> onEnd.accept(new Ending(reason, detail, endedBy, toEquipment.get(),
                fromEquipment.get())));
        String notice = "{\"type\":\"ended\",\"reason\":\"" + reason.name() + "\",\"message\":"
                + jsonString(detail) + "}";
        step("telling the user", () -> sendQuietly(notice));
        step("telling the monitors", () -> {
            fanOut.lock();
            try {
                for (Monitor m : monitors) {
                    m.notice(notice);
                    m.finish(CloseStatus.NORMAL);
                }
            } finally {
                fanOut.unlock();
            }
        });
        step("closing the session window", () -> socket.close(
                reason == EndReason.ERROR ? CloseStatus.SERVER_ERROR : CloseStatus.NORMAL));
    }

    private void step(String what, EndingStep step) {
        EndingStep.runQuietly(recordId, what + " while ending the session", step);
    }

    private void tellMonitors(String json) {
        fanOut.lock();
        try {
            for (Monitor m : monitors) {
                m.notice(json);
            }
        } finally {
            fanOut.unlock();
        }
    }

    private String sizeNotice(String type) {
        return "{\"type\":\"" + type + "\",\"sessionId\":" + recordId + ",\"cols\":" + columns + ",\"rows\":"
                + rows + "}";
    }

    /** Sends to the user's window; blocks while the browser is slow, which slows the equipment reads. */
    private void send(WebSocketMessage<?> message) throws IOException {
        sendLock.lock();
        try {
            socket.sendMessage(message);
        } finally {
            sendLock.unlock();
        }
    }

    void sendQuietly(String json) {
        try {
            if (socket.isOpen()) {
                send(new TextMessage(json));
            }
        } catch (IOException | RuntimeException e) {
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

    /** A desktop monitor's RFB bytes, through the monitor's own queue and thread. */
    private record MonitorOutput(Monitor monitor) implements DesktopViewer.Output {
        @Override
        public void send(byte[] bytes) {
            monitor.output(bytes);
        }

        @Override
        public long queued() {
            return monitor.queuedBytes();
        }

        @Override
        public boolean isClosed() {
            return monitor.isClosed();
        }

        @Override
        public void close(String reason) {
            monitor.notice("{\"type\":\"ended\",\"reason\":null,\"message\":" + jsonString(reason) + "}");
            monitor.finish(CloseStatus.NORMAL);
        }
    }

    /** A recorder write failed while the session ran. */
    static final class RecordingFailure extends IOException {
        private static final long serialVersionUID = 1L;

        RecordingFailure(IOException cause) {
            super(recordingFailed(cause), cause);
        }
    }
}
