package io.airlock.server.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Reads a byte stream in one character set as bytes in another. The decoder keeps its state between reads, so
 * a multibyte sequence split across two reads comes out whole; malformed input becomes U+FFFD. Memory is bounded
 * by one read's worth of buffers, whatever the source sends.
 */
final class TranscodingInputStream extends InputStream {

    private static final int CHUNK = 8192;

    private final InputStream source;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder;
    /** Bytes read and not yet decoded (write mode): an incomplete sequence waits here for its end. */
    private final ByteBuffer undecoded;
    /** Decoded characters not yet encoded (write mode): a high surrogate waits here for its low half. */
    private final CharBuffer chars;
    /** Transcoded bytes ready to be read (read mode). */
    private final ByteBuffer ready;
    private boolean ended;

    TranscodingInputStream(InputStream source, Charset from, Charset to) {
        this.source = source;
        this.decoder = from.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.encoder = to.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        // Room for a chunk plus the longest incomplete sequence any character set leaves behind.
        this.undecoded = ByteBuffer.allocate(CHUNK + 32);
        int charCapacity = (int) Math.ceil(undecoded.capacity() * (double) decoder.maxCharsPerByte()) + 2;
        this.chars = CharBuffer.allocate(charCapacity);
        this.ready = ByteBuffer.allocate((int) Math.ceil(charCapacity * (double) encoder.maxBytesPerChar()) + 16)
                .flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!ready.hasRemaining()) {
            if (ended) {
                return -1;
            }
            transcodeNextChunk();
        }
        int n = Math.min(length, ready.remaining());
        ready.get(buffer, offset, n);
        return n;
    }

    @Override
    public int available() throws IOException {
        return ready.remaining();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Blocks for the next bytes of the source and transcodes them; at its end, flushes what is held back. */
    private void transcodeNextChunk() throws IOException {
        int n = source.read(undecoded.array(), undecoded.position(), Math.min(CHUNK, undecoded.remaining()));
        boolean end = n < 0;
        if (!end) {
            undecoded.position(undecoded.position() + n);
        }
        undecoded.flip();
        decoder.decode(undecoded, chars, end);
        if (end) {
            decoder.flush(chars);
        }
        undecoded.compact();
        chars.flip();
        ready.clear();
        encoder.encode(chars, ready, end);
        if (end) {
            encoder.flush(ready);
            ended = true;
        }
        chars.compact();
        ready.flip();
    }
}
