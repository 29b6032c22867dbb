package io.airlock.server.connector;

import io.airlock.rfb.Damage;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbException;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessageReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own decoded copy of a VNC session's screen, for monitors. A monitor joins mid-session, so it
 * cannot be handed the equipment's stream: its zlib streams began long before, and its pixels are in the
 * session window's format. Instead the gateway follows that stream, message by message, into a framebuffer
 * (airlock-rfb's decoders), and serves each monitor from it as its own RFB server ({@link DesktopViewer}).
 *
 * <p>The stream reaches the decoder through a bounded pipe on a thread of its own: the session's pump hands
 * over bytes and goes on; monitors only ever take the framebuffer's lock, never the pump's time. When the
 * stream cannot be followed (a message the decoders refuse), monitoring ends with the reason and the
 * session goes on, untouched.
 */
public final class DesktopMirror implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DesktopMirror.class);
    static final int PIPE_BYTES = 1 << 20;

    /** A SetPixelFormat the session window sent once {@code at} bytes of the equipment's stream had passed. */
    private record FormatAt(long at, PixelFormat format) {
    }

    /** The part of the screen a viewer is to send, copied out under the lock. */
    record Snapshot(int width, int height, List<Damage.Area> areas, List<int[]> pixels) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final BytePipe pipe = new BytePipe(PIPE_BYTES);
    private final Queue<FormatAt> formats = new ConcurrentLinkedQueue<>();
    private final List<DesktopViewer> viewers = new CopyOnWriteArrayList<>();
    private final String name;
    private final Framebuffer framebuffer; // guarded by lock
    private volatile String broken;

    DesktopMirror(ServerInit init) {
        this.name = init.name();
        Framebuffer screen;
        try {
            screen = init.newFramebuffer(init.pixelFormat());
        } catch (RfbException e) {
            screen = null;
            broken = e.getMessage();
            pipe.discard();
        }
        this.framebuffer = screen;
        if (screen != null) {
            Thread.ofVirtual().name("desktop-mirror").start(this::follow);
        }
    }

    /** The equipment's stream as the session window reads it, with every byte also handed to the mirror. */
    InputStream tap(InputStream fromEquipment) {
        return new FilterInputStream(fromEquipment) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    pipe.write(b, off, n);
                } else if (n < 0) {
                    pipe.close();
                }
                return n;
            }
        };
    }

    /** A whole client message on its way to the equipment: a new pixel format applies to what follows it. */
    void clientSent(byte[] message) {
        if (message.length == 4 + PixelFormat.WIRE_LENGTH && message[0] == 0) {
            try {
                formats.add(new FormatAt(pipe.written(), PixelFormat.read(new ByteArrayInputStream(message, 4,
                        PixelFormat.WIRE_LENGTH))));
            } catch (IOException e) {
                fail("the session window asked for an unusable pixel format (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Serves one monitor: a new RFB server without authentication, starting with the whole current screen.
     * What the monitor sends is given to {@link DesktopViewer#input}; its key and pointer events go nowhere.
     */
    public DesktopViewer watch(DesktopViewer.Output out) {
        String why = broken;
        if (why != null) {
            out.close(unavailable(why));
            return DesktopViewer.closed();
        }
        DesktopViewer viewer;
        lock.lock();
        try {
            viewer = new DesktopViewer(this, out, framebuffer.width(), framebuffer.height(), name);
            viewers.add(viewer);
        } finally {
            lock.unlock();
        }
        viewer.start();
        return viewer;
    }

    void remove(DesktopViewer viewer) {
        viewers.remove(viewer);
    }

    /** Takes the viewer's damage and copies the pixels under it, at one instant of the screen. */
    Snapshot snapshot(DesktopViewer viewer) {
        lock.lock();
        try {
            int width = framebuffer.width();
            var areas = viewer.takeDamage(width, framebuffer.height()).areas();
            int[] screen = framebuffer.pixels();
            var pixels = new java.util.ArrayList<int[]>(areas.size());
            for (Damage.Area a : areas) {
                int[] copy = new int[a.width() * a.height()];
                for (int row = 0; row < a.height(); row++) {
                    System.arraycopy(screen, (a.y() + row) * width + a.x(), copy, row * a.width(), a.width());
                }
                pixels.add(copy);
            }
            return new Snapshot(width, framebuffer.height(), areas, pixels);
        } finally {
            lock.unlock();
        }
    }

    private void follow() {
        try (var reader = new ServerMessageReader(pipe.input(), framebuffer)) {
            // Waiting for a message's first byte outside the lock, so monitors copy the screen meanwhile.
            while (pipe.awaitData()) {
                lock.lock();
                try {
                    applyFormats();
                    if (reader.next().isEmpty()) {
                        break;
                    }
                    Damage damage = framebuffer.takeDamage();
                    if (!damage.isEmpty()) {
                        for (DesktopViewer viewer : viewers) {
                            viewer.damaged(damage);
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            if (!pipe.isDiscarding()) {
                fail(e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pipe.discard();
        }
    }

    private void applyFormats() {
        FormatAt next;
        while ((next = formats.peek()) != null && next.at() <= pipe.read()) {
            framebuffer.setPixelFormat(formats.remove().format());
        }
    }

    private void fail(String reason) {
        broken = reason;
        pipe.discard();
        log.warn("A VNC session's desktop could not be followed for monitoring: {}", reason);
        for (DesktopViewer viewer : viewers) {
            viewer.stop(unavailable(reason));
        }
    }

    private static String unavailable(String reason) {
        return "The gateway could not follow this desktop (" + reason + "), so it cannot be monitored.";
    }

    /** The session ended: monitors stop, the decoder ends. */
    @Override
    public void close() {
        pipe.discard();
        for (DesktopViewer viewer : viewers) {
            viewer.stop(null);
        }
    }
}
