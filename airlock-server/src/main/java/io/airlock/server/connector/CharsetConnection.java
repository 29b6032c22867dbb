package io.airlock.server.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A connection to equipment that speaks another character set than UTF-8: what the equipment sends becomes
 * UTF-8 for the browser and the recording, and what the user types (UTF-8) becomes the equipment's character
 * set, a character it cannot represent sent as {@code ?}. Bytes that are not valid in their character set are
 * replaced, never thrown.
 */
public final class CharsetConnection implements RemoteConnection {

    private final RemoteConnection connection;
    private final InputStream output;
    private final UserInput input;

    private CharsetConnection(RemoteConnection connection, Charset charset) {
        this.connection = connection;
        this.output = new TranscodingInputStream(connection.output(), charset, StandardCharsets.UTF_8);
        this.input = new UserInput(charset);
    }

    /** The connection as it is for UTF-8 equipment, else one that translates both ways. */
    public static RemoteConnection wrap(RemoteConnection connection, Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? connection : new CharsetConnection(connection, charset);
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        byte[] encoded;
        synchronized (input) {
            encoded = input.encode(data, offset, length);
        }
        if (encoded.length > 0) {
            connection.write(encoded, 0, encoded.length);
        }
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
        connection.resize(columns, rows);
    }

    @Override
    public void close() {
        connection.close();
    }

    /**
     * The user's UTF-8 in the equipment's character set. The decoder keeps a sequence cut between two writes
     * until its end arrives.
     */
    private static final class UserInput {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharsetEncoder encoder;
        private ByteBuffer carry = ByteBuffer.allocate(0);

        UserInput(Charset charset) {
            encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            if (encoder.isLegalReplacement(new byte[] {'?'})) {
                encoder.replaceWith(new byte[] {'?'});
            }
        }

        byte[] encode(byte[] data, int offset, int length) {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + length);
            in.put(carry).put(data, offset, length).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining());
            utf8.decode(in, chars, false);
            carry = in.slice();
            chars.flip();
            ByteBuffer out = ByteBuffer.allocate((int) Math.ceil(chars.remaining() * encoder.maxBytesPerChar()) + 16);
            encoder.reset();
            // Each write is complete: a stateful character set (ISO-2022) returns to its initial state after it.
            encoder.encode(chars, out, true);
            encoder.flush(out);
            byte[] encoded = new byte[out.flip().remaining()];
            out.get(encoded);
            return encoded;
        }
    }
}
