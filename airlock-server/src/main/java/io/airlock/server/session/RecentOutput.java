package io.airlock.server.session;

/** The last bytes a session printed, so a monitor that joins late sees the current screen. */
final class RecentOutput {

    static final int CAPACITY = 64 * 1024;

    private final byte[] ring = new byte[CAPACITY];
    private long written;

    synchronized void append(byte[] data, int offset, int length) {
        if (length > CAPACITY) {
            offset += length - CAPACITY;
            written += length - CAPACITY;
            length = CAPACITY;
        }
        int at = (int) (written % CAPACITY);
        int first = Math.min(length, CAPACITY - at);
        System.arraycopy(data, offset, ring, at, first);
        System.arraycopy(data, offset + first, ring, 0, length - first);
        written += length;
    }

    synchronized byte[] snapshot() {
        int size = (int) Math.min(written, CAPACITY);
        byte[] copy = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            copy[i] = ring[(int) ((start + i) % CAPACITY)];
        }
        return copy;
    }
}
