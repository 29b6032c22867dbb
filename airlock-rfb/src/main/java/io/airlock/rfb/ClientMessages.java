package io.airlock.rfb;

import java.nio.ByteBuffer;
import java.util.List;

/** The client-to-server messages (RFC 6143 section 7.5) that set up what the server sends. */
public final class ClientMessages {

    private ClientMessages() {
    }

    /** ClientInit: whether other clients may stay connected to the same desktop. */
    public static byte[] clientInit(boolean shared) {
        return new byte[] {(byte) (shared ? 1 : 0)};
    }

    public static byte[] setPixelFormat(PixelFormat format) {
        return ByteBuffer.allocate(4 + PixelFormat.WIRE_LENGTH).put((byte) 0).put(new byte[3]).put(format.toBytes()).array();
    }

    public static byte[] setEncodings(List<Integer> encodings) {
        ByteBuffer message = ByteBuffer.allocate(4 + 4 * encodings.size())
                .put((byte) 2).put((byte) 0).putShort((short) encodings.size());
        encodings.forEach(message::putInt);
        return message.array();
    }

    public static byte[] framebufferUpdateRequest(boolean incremental, int x, int y, int width, int height) {
        return ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0))
                .putShort((short) x).putShort((short) y).putShort((short) width).putShort((short) height)
                .array();
    }
}
