package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The server's description of its desktop at the end of the handshake (RFC 6143 section 7.3.2).
 *
 * @param width framebuffer width
 * @param height framebuffer height
 * @param pixelFormat the server's natural pixel format
 * @param name the desktop name, decoded as UTF-8 as TigerVNC sends it
 */
public record ServerInit(int width, int height, PixelFormat pixelFormat, String name) {

    public ServerInit {
        if (width < 0 || width > 0xffff || height < 0 || height > 0xffff) {
            throw new IllegalArgumentException("framebuffer sizes are 16-bit numbers: " + width + "x" + height);
        }
    }

    public static ServerInit read(InputStream in) throws IOException {
        int width = RfbInput.readU16(in, "the framebuffer width");
        int height = RfbInput.readU16(in, "the framebuffer height");
        PixelFormat format = PixelFormat.read(in);
        String name = new String(RfbInput.readReasonString(in, "the desktop name").getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        return new ServerInit(width, height, format, name);
    }

    /** {@return the message as sent on the wire} */
    public byte[] toBytes() {
        byte[] name = this.name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + PixelFormat.WIRE_LENGTH + 4 + name.length)
                .putShort((short) width).putShort((short) height).put(pixelFormat.toBytes())
                .putInt(name.length).put(name)
                .array();
    }

    /** {@return a framebuffer of this size, reading pixels in {@code format}} */
    public Framebuffer newFramebuffer(PixelFormat format) throws RfbException {
        return new Framebuffer(width, height, format);
    }
}
