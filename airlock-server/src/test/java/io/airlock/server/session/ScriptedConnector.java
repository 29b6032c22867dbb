package io.airlock.server.session;

import io.airlock.server.asset.Protocol;
import io.airlock.server.connector.ConnectionTarget;
import io.airlock.server.connector.Connector;
import io.airlock.server.connector.ConnectorException;
import io.airlock.server.connector.RemoteConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory Telnet connector for fault tests: the test feeds what the "equipment" prints, sees what
 * was typed, and names the one step that fails next — opening (checked or not), reading, writing,
 * resizing or closing.
 */
final class ScriptedConnector implements Connector {

    /** Where the next connection breaks. */
    enum Fault {
        NONE, OPEN_REFUSED, OPEN_CRASHES, READ_FAILS, READ_CRASHES, WRITE_CRASHES, RESIZE_CRASHES, CLOSE_CRASHES
    }

    private static final byte[] EOF = new byte[0];

    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicReference<Equipment> last = new AtomicReference<>();

    void failNext(Fault next) {
        fault.set(next);
    }

    /** The equipment end of the newest connection. */
    Equipment equipment() {
        return last.get();
    }

    @Override
    public Protocol protocol() {
        return Protocol.TELNET;
    }

    @Override
    public RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException {
        Fault now = fault.getAndSet(Fault.NONE);
        if (now == Fault.OPEN_REFUSED) {
            throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED, "The equipment refused the test.");
        }
        if (now == Fault.OPEN_CRASHES) {
            throw new IllegalStateException("connector bug");
        }
        var equipment = new Equipment(now, target);
        last.set(equipment);
        return equipment;
    }

    /** One fake piece of equipment and its connection. */
    static final class Equipment implements RemoteConnection {
        private final Fault fault;
        private final ConnectionTarget target;
        private final BlockingQueue<byte[]> printed = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream typed = new ByteArrayOutputStream();
        private volatile boolean closed;
        private volatile int closes;

        Equipment(Fault fault, ConnectionTarget target) {
            this.fault = fault;
            this.target = target;
        }

        ConnectionTarget target() {
            return target;
        }

        /** Prints to the session. */
        void print(byte[] data) {
            printed.add(data);
        }

        /** Hangs up, as equipment that closes the connection does. */
        void hangUp() {
            printed.add(EOF);
        }

        synchronized byte[] typedBytes() {
            return typed.toByteArray();
        }

        synchronized String typed() {
            return typed.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        boolean closed() {
            return closed;
        }

        int closes() {
            return closes;
        }

        @Override
        public InputStream output() {
            return new InputStream() {
                private byte[] current = new byte[0];
                private int at;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    while (at >= current.length) {
                        try {
                            byte[] next = printed.poll(100, TimeUnit.MILLISECONDS);
                            if (closed || next == EOF) {
                                return -1;
                            }
                            if (next != null && fault == Fault.READ_FAILS) {
                                throw new IOException("link to the equipment broke");
                            }
                            if (next != null && fault == Fault.READ_CRASHES) {
                                throw new IllegalStateException("decoder bug");
                            }
                            if (next != null) {
                                current = next;
                                at = 0;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted", e);
                        }
                    }
                    int n = Math.min(len, current.length - at);
                    System.arraycopy(current, at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            if (fault == Fault.WRITE_CRASHES) {
                throw new IllegalStateException("encoder bug");
            }
            synchronized (this) {
                typed.write(data, offset, length);
            }
        }

        @Override
        public void resize(int columns, int rows) {
            if (fault == Fault.RESIZE_CRASHES) {
                throw new IllegalStateException("resize bug");
            }
        }

        @Override
        public void close() {
            closes++;
            closed = true;
            if (fault == Fault.CLOSE_CRASHES) {
                throw new IllegalStateException("close bug");
            }
        }
    }
}
