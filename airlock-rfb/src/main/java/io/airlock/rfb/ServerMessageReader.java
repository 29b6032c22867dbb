package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an RFB server's messages after ServerInit and applies them to a {@link Framebuffer}: every
 * rectangle of a FramebufferUpdate goes to the decoder of its encoding, colour map entries to the
 * colour map. Whatever the server sends, the reader ends with an {@link RfbException} or a message,
 * never by running out of memory: sizes are checked before anything is allocated for them.
 *
 * <p>One reader per connection, since the zlib streams of ZRLE and Tight span the whole connection.
 */
public final class ServerMessageReader implements AutoCloseable {

    /** Clipboard text kept per ServerCutText; the rest is read and dropped. */
    public static final int MAX_CUT_TEXT = 1 << 20;

    /** A ServerCutText longer than this is taken for garbage rather than read and dropped. */
    static final long MAX_CUT_TEXT_LENGTH = 1L << 28;

    private static final int RECTANGLE_HEADER = 12;

    private final InputStream in;
    private final Framebuffer framebuffer;
    private final ZrleDecoder zrle = new ZrleDecoder();
    private final TightDecoder tight = new TightDecoder();
    private final Map<Integer, RectangleDecoder> decoders;

    /**
     * @param in the server's stream, positioned after ServerInit; buffered by the caller
     * @param framebuffer the screen to apply updates to, sized and formatted as agreed
     */
    public ServerMessageReader(InputStream in, Framebuffer framebuffer) {
        this.in = in;
        this.framebuffer = framebuffer;
        this.decoders = Map.of(
                Encodings.RAW, new RawDecoder(),
                Encodings.COPY_RECT, new CopyRectDecoder(),
                Encodings.RRE, new RreDecoder(),
                Encodings.HEXTILE, new HextileDecoder(),
                Encodings.ZRLE, zrle,
                Encodings.TIGHT, tight,
                Encodings.CURSOR, new CursorDecoder(),
                Encodings.POINTER_POS, new PointerPosDecoder(),
                Encodings.DESKTOP_SIZE, new DesktopSizeDecoder(false),
                Encodings.EXTENDED_DESKTOP_SIZE, new DesktopSizeDecoder(true));
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    /**
     * Reads and applies the next message.
     *
     * @return the message, or empty when the stream ended cleanly between two messages
     * @throws RfbException when the server broke the protocol or the stream ended inside a message
     */
    public Optional<ServerMessage> next() throws IOException {
        int type = in.read();
        if (type < 0) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case 0 -> readUpdate();
            case 1 -> readColourMapEntries();
            case 2 -> new ServerMessage.Bell();
            case 3 -> readCutText();
            default -> throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                    "server sent message type " + type + ", which this client never asked for");
        });
    }

    private ServerMessage readUpdate() throws IOException {
        RfbInput.readU8(in, "FramebufferUpdate padding");
        int count = RfbInput.readU16(in, "FramebufferUpdate rectangle count");
        byte[] header = new byte[RECTANGLE_HEADER];
        for (int i = 0; i < count; i++) {
            RfbInput.readFully(in, header, RECTANGLE_HEADER, "a rectangle header");
            Rectangle rect = new Rectangle(u16(header, 0), u16(header, 2), u16(header, 4), u16(header, 6),
                    u16(header, 8) << 16 | u16(header, 10));
            if (rect.encoding() == Encodings.LAST_RECT) {
                return new ServerMessage.FramebufferUpdate(i + 1);
            }
            RectangleDecoder decoder = decoders.get(rect.encoding());
            if (decoder == null) {
                throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                        "server sent a " + rect + ", an encoding this client never offered");
            }
            decoder.decode(rect, in, framebuffer);
        }
        return new ServerMessage.FramebufferUpdate(count);
    }

    private ServerMessage readColourMapEntries() throws IOException {
        RfbInput.readU8(in, "SetColourMapEntries padding");
        int first = RfbInput.readU16(in, "first colour");
        int count = RfbInput.readU16(in, "number of colours");
        byte[] entries = RfbInput.readExactly(in, count * 6, "colour map entries");
        int[] rgb = new int[count];
        for (int i = 0; i < count; i++) {
            // 16-bit components; the high byte is the 8-bit value.
            rgb[i] = (entries[i * 6] & 0xff) << 16 | (entries[i * 6 + 2] & 0xff) << 8 | (entries[i * 6 + 4] & 0xff);
        }
        framebuffer.setColours(first, rgb);
        return new ServerMessage.ColourMapEntries(first, count);
    }

    private ServerMessage readCutText() throws IOException {
        RfbInput.readExactly(in, 3, "ServerCutText padding");
        long length = RfbInput.readU32(in, "ServerCutText length");
        if (length > MAX_CUT_TEXT_LENGTH) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE, "ServerCutText claims " + length
                    + " bytes, more than the " + MAX_CUT_TEXT_LENGTH + " accepted");
        }
        int kept = (int) Math.min(length, MAX_CUT_TEXT);
        String text = new String(RfbInput.readExactly(in, kept, "ServerCutText"), StandardCharsets.ISO_8859_1);
        RfbInput.skip(in, length - kept, "ServerCutText");
        return new ServerMessage.ServerCutText(text, length);
    }

    private static int u16(byte[] b, int offset) {
        return (b[offset] & 0xff) << 8 | (b[offset + 1] & 0xff);
    }

    @Override
    public void close() {
        zrle.close();
        tight.close();
    }
}
