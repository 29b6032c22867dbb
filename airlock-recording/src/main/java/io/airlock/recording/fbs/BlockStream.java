package io.airlock.recording.fbs;

import io.airlock.recording.RecordingFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The RFB bytes of an FBS recording as one stream, block after block, knowing when the block of the
 * last byte read arrived: a message is timed by the block it ends in.
 */
final class BlockStream extends InputStream {

    /** Carries a damaged block through the InputStream interface to {@link FbsPlayback}, which unwraps it. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(RecordingFormatException cause) {
            super(cause.getMessage(), cause);
        }

        RecordingFormatException recordingFormatException() {
            return (RecordingFormatException) getCause();
        }
    }

    private final FbsReader blocks;
    private byte[] data = new byte[0];
    private int position;
    private long millis;

    BlockStream(FbsReader blocks) {
        this.blocks = blocks;
    }

    /** {@return where in the file the stream has read to, at a block's end} */
    long offset() {
        return blocks.offset();
    }

    long millis() {
        return millis;
    }

    /** {@return whether another byte follows; reads blocks up to it, so that {@link #millis()} is its time} */
    boolean hasMore() throws IOException {
        return fill();
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return data[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, data.length - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == data.length) {
            Optional<FbsBlock> next;
            try {
                next = blocks.next();
            } catch (RecordingFormatException e) {
                throw new Damaged(e);
            }
            if (next.isEmpty()) {
                return false;
            }
            data = next.get().data();
            position = 0;
            millis = next.get().millis();
        }
        return true;
    }
}
