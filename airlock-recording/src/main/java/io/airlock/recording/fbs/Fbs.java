package io.airlock.recording.fbs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The FBS 001.000 layout: a 12-byte header, then blocks of a 32-bit big-endian length, the data padded
 * with zeros to a multiple of 4 bytes, and a 32-bit big-endian timestamp in milliseconds since the start.
 */
final class Fbs {

    static final byte[] HEADER = "FBS 001.000\n".getBytes(StandardCharsets.US_ASCII);

    /** Larger blocks are taken for damage; the writer never makes blocks this large. */
    static final int MAX_BLOCK = 16 << 20;

    private Fbs() {
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** {@return whether a file starting with these bytes is an FBS recording} */
    static boolean startsWithHeader(byte[] start) {
        return start.length >= HEADER.length && Arrays.equals(start, 0, HEADER.length, HEADER, 0, HEADER.length);
    }
}
