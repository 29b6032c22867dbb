package io.airlock.server.connector;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Removes the equipment's echo of the password from what the user, monitors and the recording receive.
 * An echo may arrive split over several reads, so bytes that could begin one are held back until the
 * next bytes tell whether they do.
 */
final class PasswordEchoFilter {

    private final byte[] password;
    private final byte[] held;
    private int heldLength;

    PasswordEchoFilter(byte[] password) {
        this.password = password.clone();
        this.held = new byte[password.length];
    }

    /** Returns what may be shown of these bytes and of the bytes held back before them. */
    byte[] filter(byte[] data, int offset, int length) {
        if (password.length == 0) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
        var shown = new ByteArrayOutputStream(length);
        for (int i = offset; i < offset + length; i++) {
            held[heldLength++] = data[i];
            while (heldLength > 0 && !heldIsPasswordStart()) {
                shown.write(held[0]);
                System.arraycopy(held, 1, held, 0, --heldLength);
            }
            if (heldLength == password.length) {
                heldLength = 0; // a whole echo: dropped
            }
        }
        return shown.toByteArray();
    }

    /** Returns the bytes held back, which turned out not to be an echo, and stops holding. */
    byte[] release() {
        byte[] rest = Arrays.copyOf(held, heldLength);
        heldLength = 0;
        return rest;
    }

    /** Overwrites the copies of the password this filter keeps. */
    void forget() {
        Arrays.fill(password, (byte) 0);
        Arrays.fill(held, (byte) 0);
        heldLength = 0;
    }

    private boolean heldIsPasswordStart() {
        return Arrays.equals(held, 0, heldLength, password, 0, heldLength);
    }
}
