package io.airlock.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes the terminal would send back to the program (device attributes, cursor position reports).
 * Nothing is sent anywhere; a recording replay only needs to know they were asked for. Bounded, so a
 * program that floods DSR requests cannot grow memory.
 */
final class Replies {

    static final int MAX_BYTES = 64 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    void send(String reply) {
        byte[] bytes = reply.getBytes(StandardCharsets.US_ASCII);
        if (pending.size() + bytes.length <= MAX_BYTES) {
            pending.writeBytes(bytes);
        }
    }

    byte[] take() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        return bytes;
    }
}
