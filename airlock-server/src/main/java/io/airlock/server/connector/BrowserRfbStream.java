package io.airlock.server.connector;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The browser's half of an RFB connection, read as the gateway plays the server: the 3.8 handshake with
 * security type None, then whole client messages (RFC 6143 section 7.5), since the browser's WebSocket
 * frames may cut a message anywhere. SetEncodings is narrowed to what the recording can decode, so the
 * equipment never sends a rectangle the evidence video could not show. A message type the gateway never
 * made possible (those need pseudo-encodings it strips) ends the session rather than reaching the equipment.
 */
final class BrowserRfbStream {

    static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    static final int SECURITY_NONE = 1;
    /** Clipboard text the browser may paste in one message; longer is taken for garbage. */
    static final int MAX_CUT_TEXT = 1 << 20;
    static final int MAX_ENCODINGS = 1024;
    static final int MAX_SCREENS = 64;

    private enum Phase { VERSION, SECURITY, CLIENT_INIT, MESSAGES }

    private Phase phase = Phase.VERSION;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private final byte[] serverInit;

    /** @param serverInit the equipment's ServerInit, which the browser gets after its ClientInit */
    BrowserRfbStream(byte[] serverInit) {
        this.serverInit = serverInit.clone();
    }

    /** What the gateway says first, as a 3.8 server. */
    static byte[] greeting() {
        return VERSION.clone();
    }

    /**
     * What one chunk of the browser's bytes leads to.
     *
     * @param toEquipment whole client messages, as the equipment is to get them
     * @param toBrowser the gateway's handshake answers, in order; the last one of all is the ServerInit
     * @param handshakeDone the ServerInit is among {@code toBrowser}: the equipment's messages follow it
     */
    record Fed(List<byte[]> toEquipment, List<byte[]> toBrowser, boolean handshakeDone) {
    }

    /**
     * Takes the next bytes from the browser. A real server answers each handshake step only after the
     * client's previous one (noVNC waits for that), so the answers come out step by step too.
     *
     * @throws RfbException when the browser breaks the protocol
     */
    Fed feed(byte[] data, int offset, int length) throws RfbException {
        pending.write(data, offset, length);
        byte[] buffer = pending.toByteArray();
        int at = 0;
        var messages = new ArrayList<byte[]>();
        var answers = new ArrayList<byte[]>();
        boolean done = false;
        while (true) {
            int available = buffer.length - at;
            if (phase == Phase.VERSION) {
                if (available < VERSION.length) {
                    break;
                }
                if (!Arrays.equals(buffer, at, at + VERSION.length, VERSION, 0, VERSION.length)) {
                    throw new RfbException(RfbException.Reason.UNSUPPORTED_VERSION,
                            "the session window answered another RFB version than 3.8");
                }
                at += VERSION.length;
                phase = Phase.SECURITY;
                answers.add(new byte[] {1, SECURITY_NONE});
            } else if (phase == Phase.SECURITY || phase == Phase.CLIENT_INIT) {
                if (available < 1) {
                    break;
                }
                if (phase == Phase.SECURITY && buffer[at] != SECURITY_NONE) {
                    throw new RfbException(RfbException.Reason.CONNECTION_FAILED,
                            "the session window chose a security type the gateway did not offer");
                }
                at++;
                // SecurityResult OK after the choice; ServerInit after ClientInit, whose shared flag the gateway set
                answers.add(phase == Phase.SECURITY ? new byte[4] : serverInit.clone());
                done |= phase == Phase.CLIENT_INIT;
                phase = phase == Phase.SECURITY ? Phase.CLIENT_INIT : Phase.MESSAGES;
            } else {
                if (available < 1) {
                    break;
                }
                int size = messageLength(buffer, at, available);
                if (size < 0 || available < size) {
                    break;
                }
                messages.add(forward(Arrays.copyOfRange(buffer, at, at + size)));
                at += size;
            }
        }
        pending.reset();
        pending.write(buffer, at, buffer.length - at);
        return new Fed(messages, answers, done);
    }

    /** The whole message's length once its header is in, else -1. */
    private static int messageLength(byte[] b, int at, int available) throws RfbException {
        int type = b[at] & 0xff;
        return switch (type) {
            case 0 -> 20; // SetPixelFormat
            case 2 -> available < 4 ? -1 : 4 + 4 * bounded(u16(b, at + 2), MAX_ENCODINGS, "encodings");
            case 3 -> 10; // FramebufferUpdateRequest
            case 4 -> 8; // KeyEvent
            case 5 -> 6; // PointerEvent
            case 6 -> available < 8 ? -1 : 8 + bounded(ByteBuffer.wrap(b, at + 4, 4).getInt(), MAX_CUT_TEXT,
                    "clipboard bytes");
            case 251 -> available < 8 ? -1 : 8 + 16 * bounded(b[at + 6] & 0xff, MAX_SCREENS, "screens");
            default -> throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                    "the session window sent RFB message type " + type + ", which this gateway does not relay");
        };
    }

    private static int bounded(int value, int max, String what) throws RfbException {
        if (value < 0 || value > max) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                    "the session window sent " + Integer.toUnsignedString(value) + " " + what + " (at most " + max
                            + ")");
        }
        return value;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static byte[] forward(byte[] message) {
        if (message[0] != 2) {
            return message;
        }
        var wanted = new ArrayList<Integer>();
        for (int encoding : encodings(message)) {
            if (decodable(encoding) && !wanted.contains(encoding)) {
                wanted.add(encoding);
            }
        }
        if (!wanted.contains(Encodings.RAW)) {
            wanted.add(Encodings.RAW);
        }
        return ClientMessages.setEncodings(wanted);
    }

    /**
     * A SetEncodings without the Cursor pseudo-encoding, for a recorded session: the equipment then draws
     * its cursor into the screen itself, so the recording shows it where it was. With Cursor the session
     * window draws it, and the stream never says where.
     */
    static byte[] withoutCursorShape(byte[] setEncodings) {
        var kept = new ArrayList<>(encodings(setEncodings));
        kept.remove(Integer.valueOf(Encodings.CURSOR));
        return ClientMessages.setEncodings(kept);
    }

    /** The encodings a whole SetEncodings message lists, in its order. */
    private static List<Integer> encodings(byte[] setEncodings) {
        var listed = new ArrayList<Integer>();
        var body = ByteBuffer.wrap(setEncodings, 4, setEncodings.length - 4);
        while (body.hasRemaining()) {
            listed.add(body.getInt());
        }
        return listed;
    }

    /** An encoding the recording decodes, or a Tight quality or compression level, which only tune them. */
    static boolean decodable(int encoding) {
        return Encodings.DECODED.contains(encoding)
                || (encoding >= Encodings.JPEG_QUALITY_0 && encoding <= Encodings.JPEG_QUALITY_0 + 9)
                || (encoding >= Encodings.COMPRESS_LEVEL_0 && encoding <= Encodings.COMPRESS_LEVEL_0 + 9);
    }
}
