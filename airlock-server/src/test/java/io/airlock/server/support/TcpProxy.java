package io.airlock.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a real server, standing in for the network between a gateway and its
 * bucket: it passes traffic, slows what the client sends to a set rate, or drops every connection (an
 * outage) until told to pass again. It counts the bytes clients sent and the bytes the server sent back.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private final AtomicLong downstreamBytes = new AtomicLong();
    private volatile boolean dropping;
    private volatile long bytesPerSecond;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    public static TcpProxy to(int targetPort) {
        try {
            var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            var proxy = new TcpProxy(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            Thread.ofVirtual().name("tcp-proxy-accept").start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection and every new one at once, until {@link #pass()}. */
    public void drop() {
        dropping = true;
        open.forEach(TcpProxy::closeQuietly);
    }

    /** Relays again, at full speed. */
    public void pass() {
        bytesPerSecond = 0;
        dropping = false;
    }

    /** Relays what clients send at most this fast (0: unlimited). */
    public void throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    public long upstreamBytes() {
        return upstreamBytes.get();
    }

    /** What the server has sent its clients through this relay since it was made or last {@link #resetCounts()}. */
    public long downstreamBytes() {
        return downstreamBytes.get();
    }

    public void resetCounts() {
        upstreamBytes.set(0);
        downstreamBytes.set(0);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (dropping) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> relay(client, upstream, true));
                Thread.ofVirtual().start(() -> relay(upstream, client, false));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void relay(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[upstream ? 4096 : 64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while (!dropping && (n = in.read(buffer)) >= 0) {
                if (upstream) {
                    long rate = bytesPerSecond;
                    if (rate > 0) {
                        Thread.sleep(Math.max(1, n * 1000L / rate));
                    }
                    upstreamBytes.addAndGet(n);
                } else {
                    downstreamBytes.addAndGet(n);
                }
                if (dropping) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: so does the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
