package io.airlock.server.connector;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded byte queue from one thread to another: the writer waits while it is full, the reader while it is
 * empty. Once {@link #discard() discarding}, writes return at once and are dropped, so a reader that gave up
 * never holds the writer back.
 */
final class BytePipe {

    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head; // guarded by lock
    private int count; // guarded by lock
    private long written; // guarded by lock
    private long read; // guarded by lock
    private boolean closed; // guarded by lock
    private boolean discarding; // guarded by lock

    BytePipe(int capacity) {
        this.ring = new byte[capacity];
    }

    void write(byte[] b, int off, int len) throws InterruptedIOException {
        lock.lock();
        try {
            while (len > 0 && !closed && !discarding) {
                while (count == ring.length && !closed && !discarding) {
                    notFull.await();
                }
                if (closed || discarding) {
                    return;
                }
                int tail = (head + count) % ring.length;
                int n = Math.min(len, Math.min(ring.length - count, ring.length - tail));
                System.arraycopy(b, off, ring, tail, n);
                count += n;
                written += n;
                off += n;
                len -= n;
                notEmpty.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing on the desktop's stream");
        } finally {
            lock.unlock();
        }
    }

    /** {@return the number of bytes written so far, dropped ones aside} */
    long written() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** {@return the number of bytes read so far} */
    long read() {
        lock.lock();
        try {
            return read;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until there is something to read or the pipe is closed; false when it is closed and empty. */
    boolean awaitData() throws InterruptedException {
        lock.lock();
        try {
            while (count == 0 && !closed) {
                notEmpty.await(1, TimeUnit.SECONDS);
            }
            return count > 0;
        } finally {
            lock.unlock();
        }
    }

    boolean isDiscarding() {
        lock.lock();
        try {
            return discarding;
        } finally {
            lock.unlock();
        }
    }

    /** No more bytes will come; the reader gets what is left, then the end. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader stopped: what is queued and whatever is written from now on is dropped. */
    void discard() {
        lock.lock();
        try {
            discarding = true;
            count = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws InterruptedIOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws InterruptedIOException {
                return take(b, off, len);
            }
        };
    }

    private int take(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0) {
                if (closed || discarding) {
                    return -1;
                }
                notEmpty.await();
            }
            int n = Math.min(len, Math.min(count, ring.length - head));
            System.arraycopy(ring, head, b, off, n);
            head = (head + n) % ring.length;
            count -= n;
            read += n;
            notFull.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while following the desktop");
        } finally {
            lock.unlock();
        }
    }
}
