package io.airlock.server.connector;

import io.airlock.rfb.Damage;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbException;
import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One monitor of a VNC session, served by the gateway as an RFB 3.8 server without authentication from the
 * session's {@link DesktopMirror}: first the whole screen, then the parts that changed, in Raw, which every
 * client decodes. Updates go out only when the monitor asked for one, at most {@link #MAX_RATE} a second, and
 * only while its socket keeps up: meanwhile damage merges, so a slow monitor sees fewer, larger updates and
 * the session never waits for it. A monitor is read-only: its key, pointer, clipboard and resize messages are
 * read and dropped.
 */
public final class DesktopViewer {

    /** Where a viewer's bytes go: the monitor's socket, behind a queue of its own. */
    public interface Output {
        /** Queues bytes for the monitor; never blocks. */
        void send(byte[] bytes);

        /** {@return bytes queued and not yet sent} */
        long queued();

        boolean isClosed();

        /** Ends the monitor, telling it why. */
        void close(String reason);
    }

    static final int MAX_RATE = 10;
    static final Duration INTERVAL = Duration.ofMillis(1000 / MAX_RATE);
    /** Bytes handed to the socket's queue at a time, and how many may wait there before the next piece. */
    static final int PIECE = 256 * 1024;
    static final long BACKLOG = 1024 * 1024;

    private final DesktopMirror mirror;
    private final Output out;
    private final BrowserRfbStream client;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Damage damage; // guarded by lock
    private boolean requested; // guarded by lock
    private boolean stopped; // guarded by lock
    private volatile PixelFormat format = PixelFormat.RGB888;
    private volatile boolean extendedDesktopSize;
    private volatile boolean desktopSize;
    /** The size the monitor knows. */
    private int width;
    private int height;

    DesktopViewer(DesktopMirror mirror, Output out, int width, int height, String name) {
        this.mirror = mirror;
        this.out = out;
        this.width = width;
        this.height = height;
        this.damage = new Damage(width, height);
        damage.addAll();
        this.client = new BrowserRfbStream(new ServerInit(width, height, PixelFormat.RGB888, name).toBytes());
    }

    /** A viewer of a desktop that cannot be monitored: its output was closed with the reason already. */
    static DesktopViewer closed() {
        var viewer = new DesktopViewer(null, null, 1, 1, "");
        viewer.stopped = true;
        return viewer;
    }

    void start() {
        out.send(BrowserRfbStream.greeting());
        Thread.ofVirtual().name("desktop-monitor").start(this::run);
    }

    /** The monitor's bytes: the handshake, then messages, of which only its wishes for updates count. */
    public synchronized void input(byte[] data) {
        if (out == null || isStopped()) {
            return;
        }
        BrowserRfbStream.Fed fed;
        try {
            fed = client.feed(data, 0, data.length);
        } catch (RfbException e) {
            stop("The monitor broke the RFB protocol: " + e.getMessage());
            return;
        }
        fed.toBrowser().forEach(out::send);
        for (byte[] message : fed.toEquipment()) {
            switch (message[0]) {
                case 0 -> pixelFormat(message);
                case 2 -> encodings(message);
                case 3 -> request(message[1] == 0);
                default -> {
                    // keys, pointer, clipboard, SetDesktopSize: a monitor only watches
                }
            }
        }
    }

    private void pixelFormat(byte[] message) {
        try {
            PixelFormat asked = PixelFormat.read(new ByteArrayInputStream(message, 4, PixelFormat.WIRE_LENGTH));
            if (!asked.trueColour()) {
                stop("The monitor asked for colour-mapped pixels, which the gateway does not serve.");
                return;
            }
            format = asked;
        } catch (IOException e) {
            stop("The monitor asked for an unusable pixel format: " + e.getMessage());
        }
    }

    private void encodings(byte[] message) {
        var body = ByteBuffer.wrap(message, 4, message.length - 4);
        boolean extended = false;
        boolean plain = false;
        while (body.hasRemaining()) {
            int encoding = body.getInt();
            extended |= encoding == Encodings.EXTENDED_DESKTOP_SIZE;
            plain |= encoding == Encodings.DESKTOP_SIZE;
        }
        extendedDesktopSize = extended;
        desktopSize = plain;
    }

    private void request(boolean full) {
        lock.lock();
        try {
            requested = true;
            if (full) {
                damage.addAll();
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The mirror's screen changed; called under the mirror's lock. */
    void damaged(Damage changed) {
        lock.lock();
        try {
            damage.add(changed);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands over the damage to send, for a screen now this size; called under the mirror's lock. */
    Damage takeDamage(int screenWidth, int screenHeight) {
        lock.lock();
        try {
            Damage taken = damage;
            if (taken.width() != screenWidth || taken.height() != screenHeight) {
                taken = new Damage(screenWidth, screenHeight);
                taken.addAll();
            }
            damage = new Damage(screenWidth, screenHeight);
            requested = false;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Ends this monitor; with a reason, the monitor is told it. */
    void stop(String reason) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (reason != null) {
            out.close(reason);
        }
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long last = System.nanoTime() - INTERVAL.toNanos();
        try {
            while (awaitWork()) {
                long wait = last + INTERVAL.toNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // damage arriving meanwhile joins this update
                }
                last = System.nanoTime();
                DesktopMirror.Snapshot snapshot = mirror.snapshot(this);
                byte[] update;
                try {
                    update = encode(snapshot);
                } catch (IllegalStateException e) {
                    stop(e.getMessage());
                    return;
                }
                if (!send(update)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mirror.remove(this);
        }
    }

    /** Waits until the monitor asked for an update and there is something to show; false once it ended. */
    private boolean awaitWork() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped && !(requested && !damage.isEmpty())) {
                if (out.isClosed()) {
                    stopped = true;
                    break;
                }
                wake.await(1, TimeUnit.SECONDS);
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Passes the update on piece by piece, each once the socket has taken most of the one before. */
    private boolean send(byte[] update) throws InterruptedException {
        for (int at = 0; at < update.length; at += PIECE) {
            while (out.queued() > BACKLOG) {
                if (out.isClosed() || isStopped()) {
                    return false;
                }
                Thread.sleep(10);
            }
            if (out.isClosed() || isStopped()) {
                return false;
            }
            out.send(Arrays.copyOfRange(update, at, Math.min(update.length, at + PIECE)));
        }
        return true;
    }

    /** A FramebufferUpdate: the new size first when it changed, then each damaged area in Raw. */
    private byte[] encode(DesktopMirror.Snapshot snapshot) {
        PixelFormat pf = format;
        int bpp = pf.bytesPerPixel();
        boolean resized = snapshot.width() != width || snapshot.height() != height;
        int sizeRect = 0;
        if (resized) {
            if (!extendedDesktopSize && !desktopSize) {
                throw new IllegalStateException("The desktop changed its size, which this monitor cannot follow; "
                        + "open the monitor again.");
            }
            sizeRect = extendedDesktopSize ? 12 + 4 + 16 : 12;
        }
        long length = 4 + sizeRect;
        for (Damage.Area a : snapshot.areas()) {
            length += 12 + (long) a.width() * a.height() * bpp;
        }
        ByteBuffer update = ByteBuffer.allocate(Math.toIntExact(length));
        update.put((byte) 0).put((byte) 0).putShort((short) (snapshot.areas().size() + (resized ? 1 : 0)));
        if (resized) {
            width = snapshot.width();
            height = snapshot.height();
            update.putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                    .putInt(extendedDesktopSize ? Encodings.EXTENDED_DESKTOP_SIZE : Encodings.DESKTOP_SIZE);
            if (extendedDesktopSize) {
                // one screen covering the desktop: id 0, at 0,0, no flags
                update.put((byte) 1).put(new byte[3]).putInt(0).putShort((short) 0).putShort((short) 0)
                        .putShort((short) width).putShort((short) height).putInt(0);
            }
        }
        byte[] row = new byte[0];
        for (int i = 0; i < snapshot.areas().size(); i++) {
            Damage.Area a = snapshot.areas().get(i);
            int[] pixels = snapshot.pixels().get(i);
            update.putShort((short) a.x()).putShort((short) a.y()).putShort((short) a.width())
                    .putShort((short) a.height()).putInt(Encodings.RAW);
            if (row.length != a.width() * bpp) {
                row = new byte[a.width() * bpp];
            }
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    pf.put(pf.fromRgb(pixels[y * a.width() + x]), row, x * bpp);
                }
                update.put(row);
            }
        }
        return update.array();
    }
}
