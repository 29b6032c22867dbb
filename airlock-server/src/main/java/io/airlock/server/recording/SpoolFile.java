package io.airlock.server.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a spool file whole after its session ended, however it ended: a crash may leave half a line at
 * the end, which is cut off so the stored raw recording is valid asciicast. Running it again changes
 * nothing.
 */
final class SpoolFile {

    private static final int TAIL = 64 * 1024;

    private SpoolFile() {
    }

    /**
     * Cuts a trailing incomplete line and forces the file to disk.
     *
     * @return the bytes cut off (0 when the file already ended with a complete line)
     * @throws IOException when the file holds no complete line at all (not even the header)
     */
    static long finish(Path cast) throws IOException {
        try (FileChannel channel = FileChannel.open(cast, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = lastLineEnd(channel, size);
            if (end == 0) {
                throw new IOException("the recording " + cast.getFileName() + " holds no complete line, not even its "
                        + "header");
            }
            if (end < size) {
                channel.truncate(end);
            }
            channel.force(true);
            return size - end;
        }
    }

    /** The length up to and including the last newline, searching back in blocks; 0 when there is none. */
    private static long lastLineEnd(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(TAIL);
        long to = size;
        while (to > 0) {
            long from = Math.max(0, to - TAIL);
            block.clear().limit((int) (to - from));
            while (block.hasRemaining() && channel.read(block, from + block.position()) >= 0) {
                // keep reading until the block is full
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return 0;
    }
}
