package io.airlock.recording.fbs;

import io.airlock.recording.asciicast.Ticker;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.ProtocolVersion;
import io.airlock.rfb.SecurityType;
import io.airlock.rfb.ServerInit;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes the server-to-client RFB stream of a session as an FBS recording as it arrives. The first block
 * is a synthetic RFB 3.3 preamble ({@code "RFB 003.003\n"}, security type None, ServerInit with the
 * size, pixel format and name the session actually uses); the server's messages follow exactly as they
 * arrived (and the viewer's pointer moves, see {@link #pointerMoved}), each write one block timed by a
 * {@link Ticker}, so that times never decrease. Every block is flushed as it is written, so a crash loses
 * at most the block being written.
 */
public final class FbsWriter implements Closeable {

    private static final int MAX_WRITE = 1 << 20;

    /**
     * Where the preamble's pixel format lies in the file: a recorder that learns the pixel format its client
     * chose only after the recording began, but before any pixel arrived, overwrites these 16 bytes in place,
     * so the file is a whole recording at every moment.
     */
    public static final long PIXEL_FORMAT_OFFSET = Fbs.HEADER.length + 4 + ProtocolVersion.BANNER_LENGTH + 4 + 2 + 2;

    private final OutputStream out;
    private final Ticker ticker;
    private final long startNanos;
    private long lastMillis;

    /**
     * Writes the header and the preamble at once, timed 0.
     *
     * @param session the ServerInit as the client uses it: with the pixel format the client set
     * @param ticker times the blocks, from zero now
     */
    public FbsWriter(OutputStream out, ServerInit session, Ticker ticker) throws IOException {
        this.out = out;
        this.ticker = ticker;
        this.startNanos = ticker.nanos();
        out.write(Fbs.HEADER);
        byte[] init = session.toBytes();
        ByteBuffer preamble = ByteBuffer.allocate(ProtocolVersion.BANNER_LENGTH + 4 + init.length)
                .put(ProtocolVersion.V3_3.toBanner()).putInt(SecurityType.NONE.code()).put(init);
        block(preamble.array(), 0, preamble.capacity(), 0);
    }

    /**
     * Records bytes the server sent, timed now; large writes are split into blocks of at most 1 MB. An
     * empty write is an empty block, which marks that the session still ran at this time.
     */
    public void write(byte[] data, int offset, int length) throws IOException {
        long millis = Math.max(lastMillis, (ticker.nanos() - startNanos) / 1_000_000);
        if (millis > 0xffffffffL) {
            throw new IOException("an FBS recording holds at most 49.7 days");
        }
        lastMillis = millis;
        int at = 0;
        do {
            block(data, offset + at, Math.min(MAX_WRITE, length - at), millis);
            at += MAX_WRITE;
        } while (at < length);
    }

    /**
     * Records that the viewer moved the pointer to (x, y), as a FramebufferUpdate holding one PointerPos
     * rectangle, so that playback draws the cursor where the viewer saw it: with the Cursor
     * pseudo-encoding the viewer draws its own cursor and the server's stream never says where it is. Call
     * it only between two whole server messages.
     */
    public void pointerMoved(int x, int y) throws IOException {
        ByteBuffer update = ByteBuffer.allocate(4 + 12)
                .put((byte) 0).put((byte) 0).putShort((short) 1)
                .putShort((short) x).putShort((short) y).putShort((short) 0).putShort((short) 0)
                .putInt(Encodings.POINTER_POS);
        write(update.array(), 0, update.capacity());
    }

    private void block(byte[] data, int offset, int length, long millis) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(4 + Fbs.padded(length) + 4);
        block.putInt(length).put(data, offset, length).position(4 + Fbs.padded(length)).putInt((int) millis);
        out.write(block.array());
        out.flush();
    }

    /**
     * Ends the recording with an empty block timed now, so that it lasts as long as the session even when
     * the screen stood still at its end, and closes the stream.
     */
    @Override
    public void close() throws IOException {
        try (out) {
            write(new byte[0], 0, 0);
        }
    }
}
