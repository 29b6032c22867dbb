package io.airlock.server.recording;

import io.airlock.recording.fbs.FbsWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a desktop recording's spool file whole after its session ended, however it ended: each block is
 * written at once, but a crash may leave part of one at the end, which is cut off so the stored raw
 * recording is a valid FBS file. Running it again changes nothing.
 */
final class FbsSpoolFile {

    /** "FBS 001.000\n". */
    private static final int HEADER = 12;

    private FbsSpoolFile() {
    }

    /**
     * Cuts a trailing incomplete block and forces the file to disk.
     *
     * @return the bytes cut off (0 when the file already ended with a whole block)
     * @throws IOException when the file does not even hold its preamble: the equipment never answered
     */
    static long finish(Path fbs) throws IOException {
        try (FileChannel channel = FileChannel.open(fbs, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = wholeBlocksEnd(channel, size);
            if (end < FbsWriter.PIXEL_FORMAT_OFFSET + 16) {
                throw new IOException("the recording " + fbs.getFileName() + " holds no complete block, not even "
                        + "its preamble");
            }
            if (end < size) {
                channel.truncate(end);
            }
            channel.force(true);
            return size - end;
        }
    }

    /** Where the last whole block ends, walking the blocks' lengths. */
    private static long wholeBlocksEnd(FileChannel channel, long size) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        long at = Math.min(HEADER, size);
        while (at + 4 <= size) {
            length.clear();
            while (length.hasRemaining() && channel.read(length, at + length.position()) >= 0) {
                // keep reading until the four bytes are in
            }
            long data = Integer.toUnsignedLong(length.getInt(0));
            long next = at + 4 + ((data + 3) & ~3L) + 4;
            if (next > size) {
                break;
            }
            at = next;
        }
        return at;
    }
}
