package io.airlock.terminal;

import java.util.function.IntConsumer;

/**
 * Turns a byte stream into code points, keeping an incomplete sequence across calls. Malformed input
 * becomes U+FFFD, one per maximal invalid subpart, following the WHATWG Encoding Standard's UTF-8
 * decoder, so a recording with broken bytes still replays to the same screen every time.
 */
final class Utf8Decoder {

    static final int REPLACEMENT = 0xFFFD;

    private int codePoint;
    private int bytesSeen;
    private int bytesNeeded;
    private int lowerBoundary = 0x80;
    private int upperBoundary = 0xBF;

    void decode(byte[] bytes, int offset, int length, IntConsumer out) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (bytesNeeded == 0) {
                i++;
                start(b, out);
            } else if (b < lowerBoundary || b > upperBoundary) {
                // The byte does not continue the sequence: report the broken part, then read it afresh.
                reset();
                out.accept(REPLACEMENT);
            } else {
                i++;
                lowerBoundary = 0x80;
                upperBoundary = 0xBF;
                codePoint = (codePoint << 6) | (b & 0x3F);
                if (++bytesSeen == bytesNeeded) {
                    int complete = codePoint;
                    reset();
                    out.accept(complete);
                }
            }
        }
    }

    /** True when no sequence is in progress, so the next byte starts a character. */
    boolean idle() {
        return bytesNeeded == 0;
    }

    /** Reports an unfinished sequence as U+FFFD, for when text arrives by another path. */
    void flush(IntConsumer out) {
        if (bytesNeeded != 0) {
            reset();
            out.accept(REPLACEMENT);
        }
    }

    private void start(int b, IntConsumer out) {
        if (b < 0x80) {
            out.accept(b);
        } else if (b >= 0xC2 && b <= 0xDF) {
            bytesNeeded = 1;
            codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            // Bounds on the second byte reject overlong forms and UTF-16 surrogates.
            lowerBoundary = b == 0xE0 ? 0xA0 : 0x80;
            upperBoundary = b == 0xED ? 0x9F : 0xBF;
            bytesNeeded = 2;
            codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            lowerBoundary = b == 0xF0 ? 0x90 : 0x80;
            upperBoundary = b == 0xF4 ? 0x8F : 0xBF;
            bytesNeeded = 3;
            codePoint = b & 0x07;
        } else {
            out.accept(REPLACEMENT);
        }
    }

    private void reset() {
        codePoint = 0;
        bytesSeen = 0;
        bytesNeeded = 0;
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
    }
}
