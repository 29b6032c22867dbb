package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads RFB's big-endian wire types and turns a short read into a clear {@link RfbException}. */
final class RfbInput {

    /**
     * Upper bound for reason strings. RFC 6143 sets none, but a garbage length must not make the
     * client allocate gigabytes; real servers send a sentence.
     */
    static final int MAX_REASON_LENGTH = 64 * 1024;

    private RfbInput() {
    }

    static byte[] readExactly(InputStream in, int length, String what) throws IOException {
        // readNBytes grows its buffer as data arrives, so a huge length on a short stream costs little.
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new RfbException(RfbException.Reason.UNEXPECTED_END_OF_STREAM,
                    "connection closed while reading " + what + " (got " + bytes.length + " of " + length + " bytes)");
        }
        return bytes;
    }

    static int readU8(InputStream in, String what) throws IOException {
        return readExactly(in, 1, what)[0] & 0xff;
    }

    static int readU16(InputStream in, String what) throws IOException {
        byte[] b = readExactly(in, 2, what);
        return (b[0] & 0xff) << 8 | (b[1] & 0xff);
    }

    static long readU32(InputStream in, String what) throws IOException {
        byte[] b = readExactly(in, 4, what);
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    /** Fills {@code bytes} or throws, without allocating. */
    static void readFully(InputStream in, byte[] bytes, int length, String what) throws IOException {
        int got = in.readNBytes(bytes, 0, length);
        if (got < length) {
            throw new RfbException(RfbException.Reason.UNEXPECTED_END_OF_STREAM,
                    "connection closed while reading " + what + " (got " + got + " of " + length + " bytes)");
        }
    }

    /** Reads and drops {@code length} bytes in small pieces, so that no length makes it allocate much. */
    static void skip(InputStream in, long length, String what) throws IOException {
        byte[] scratch = new byte[(int) Math.min(length, 8192)];
        long left = length;
        while (left > 0) {
            int piece = (int) Math.min(left, scratch.length);
            readFully(in, scratch, piece, what);
            left -= piece;
        }
    }

    /** Reads a U32 length followed by that many bytes, as RFC 6143 frames failure reasons. */
    static String readReasonString(InputStream in, String what) throws IOException {
        long length = readU32(in, what + " length");
        if (length > MAX_REASON_LENGTH) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                    what + " claims " + length + " bytes, more than the " + MAX_REASON_LENGTH + " accepted");
        }
        // Latin-1 maps every byte to a character, so a reason string never fails to decode.
        return new String(readExactly(in, (int) length, what), StandardCharsets.ISO_8859_1);
    }

    /** Renders bytes for an error message: printable ASCII as is, everything else escaped. */
    static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\n') {
                text.append("\\n");
            } else if (c >= 0x20 && c < 0x7f && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.toString();
    }
}
