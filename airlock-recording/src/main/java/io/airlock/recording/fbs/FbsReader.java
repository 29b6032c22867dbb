package io.airlock.recording.fbs;

import io.airlock.recording.RecordingFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the blocks of an FBS recording in constant memory. A block longer than {@link Fbs#MAX_BLOCK},
 * a time that goes backwards and a file that ends inside a block are reported with the byte where
 * reading stopped.
 */
final class FbsReader {

    private final InputStream in;
    private long offset;
    private long lastMillis;

    private FbsReader(InputStream in) {
        this.in = in;
    }

    static FbsReader open(InputStream in) throws IOException, RecordingFormatException {
        FbsReader reader = new FbsReader(in);
        byte[] header = in.readNBytes(Fbs.HEADER.length);
        if (!Fbs.startsWithHeader(header)) {
            throw RecordingFormatException.atByte(0, "not an FBS recording: it does not start with \"FBS 001.000\"");
        }
        reader.offset = header.length;
        return reader;
    }

    /** {@return the offset in the file of the next byte to read} */
    long offset() {
        return offset;
    }

    /** {@return the next block, or empty at the end of the file} */
    Optional<FbsBlock> next() throws IOException, RecordingFormatException {
        byte[] length = in.readNBytes(4);
        if (length.length == 0) {
            return Optional.empty();
        }
        long size = u32(exactly(length, 4, "a block length"), 0);
        if (size > Fbs.MAX_BLOCK) {
            throw RecordingFormatException.atByte(offset, "a block of " + size + " bytes, more than the "
                    + Fbs.MAX_BLOCK + " a recording ever holds");
        }
        offset += 4;
        byte[] data = exactly(in.readNBytes(Fbs.padded((int) size)), Fbs.padded((int) size), "a block's data");
        offset += data.length;
        long millis = u32(exactly(in.readNBytes(4), 4, "a block's time"), 0);
        if (millis < lastMillis) {
            throw RecordingFormatException.atByte(offset, "time goes back from " + lastMillis + " ms to " + millis + " ms");
        }
        offset += 4;
        lastMillis = millis;
        return Optional.of(new FbsBlock(data.length == size ? data : Arrays.copyOf(data, (int) size), millis));
    }

    private byte[] exactly(byte[] bytes, int expected, String what) throws RecordingFormatException {
        if (bytes.length < expected) {
            throw RecordingFormatException.atByte(offset + bytes.length, "the recording ends inside " + what);
        }
        return bytes;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }
}
