package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;

/** The peer's shell over a direct SSH connection (MINA SSHD, same PTY as the gateway asks for). */
final class DirectShell {

    private DirectShell() {
    }

    static Shell open(SshClient client, TestPeers peers) throws IOException {
        ClientSession session = client.connect(peers.user(), peers.host(), peers.sshPort()).verify(SessionBench.WAIT)
                .getSession();
        session.addPasswordIdentity(peers.password());
        session.auth().verify(SessionBench.WAIT);
        ChannelShell channel = session.createShellChannel();
        channel.setPtyType(SessionBench.TERM);
        channel.setPtyColumns(SessionBench.COLUMNS);
        channel.setPtyLines(SessionBench.ROWS);
        channel.setRedirectErrorStream(true);
        channel.open().verify(SessionBench.WAIT);
        OutputStream in = channel.getInvertedIn();
        return overStreams(channel.getInvertedOut(), keys -> {
            in.write(keys);
            in.flush();
        }, () -> {
            channel.close(false);
            session.close(true);
        });
    }

    /** How keys reach the shell. */
    @FunctionalInterface
    interface Keys {
        void send(byte[] keys) throws IOException;
    }

    /** A shell whose output is a plain byte stream, read on a thread of its own as the gateway's pump reads. */
    static Shell overStreams(InputStream out, Keys keys, Runnable close) {
        var reader = new DirectReader(out);
        Thread.ofPlatform().daemon().name("bench-shell-reader").start(reader);
        return new Shell() {
            @Override
            public void send(byte[] data) throws IOException {
                keys.send(data);
            }

            @Override
            public boolean awaitReceived(long total, Duration timeout) {
                return reader.await(total, timeout);
            }

            @Override
            public long received() {
                return reader.count();
            }

            @Override
            public long awaitMarker(Duration timeout) {
                return reader.awaitMarker(timeout);
            }

            @Override
            public void expect(String marker) {
                reader.expect(marker);
            }

            @Override
            public long chunks() {
                return reader.reads();
            }

            @Override
            public String tail() {
                return reader.tail();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /**
     * Reads the direct shell's output as the gateway's session pump does (16 KB reads), counting bytes,
     * keeping a short tail and looking for the current marker.
     */
    private static final class DirectReader implements Runnable {
        private final InputStream in;
        private final byte[] tail = new byte[4096];
        private int tailLength;
        private long count;
        private long reads;
        private byte[] marker = new byte[0];
        private int matched;
        private long markerAt = -1;
        private boolean ended;

        DirectReader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    add(buffer, n);
                }
            } catch (IOException e) {
                // closed
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }

        private synchronized void add(byte[] data, int n) {
            if (markerAt < 0 && marker.length > 0) {
                // The markers have no repeated prefix, so a mismatch can restart at the first byte.
                byte[] pattern = marker;
                byte first = pattern[0];
                int m = matched;
                for (int i = 0; i < n; i++) {
                    byte b = data[i];
                    if (m == 0 && b != first) {
                        continue; // the common case, kept tight
                    }
                    if (b == pattern[m]) {
                        if (++m == pattern.length) {
                            markerAt = count + i + 1;
                            break;
                        }
                    } else {
                        m = b == first ? 1 : 0;
                    }
                }
                matched = m;
            }
            int keep = Math.min(n, tail.length);
            int fromOld = Math.min(tailLength, tail.length - keep);
            System.arraycopy(tail, tailLength - fromOld, tail, 0, fromOld);
            System.arraycopy(data, n - keep, tail, fromOld, keep);
            tailLength = fromOld + keep;
            count += n;
            reads++;
            notifyAll();
        }

        synchronized void expect(String text) {
            marker = text.getBytes(StandardCharsets.US_ASCII);
            matched = 0;
            markerAt = -1;
            count = 0;
            reads = 0;
        }

        synchronized long count() {
            return count;
        }

        synchronized long reads() {
            return reads;
        }

        synchronized boolean await(long total, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (count < total && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return count >= total;
        }

        synchronized long awaitMarker(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (markerAt < 0 && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return -1;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return markerAt;
        }

        synchronized String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1);
        }
    }
}
