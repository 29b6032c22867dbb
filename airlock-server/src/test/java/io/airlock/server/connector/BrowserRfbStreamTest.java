package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserRfbStreamTest {

    private static final byte[] INIT = {2, (byte) 128, 1, (byte) 224};
    private static final byte[] HANDSHAKE = join(BrowserRfbStream.VERSION, new byte[] {1, 1});
    private static final byte[] KEY_A = {4, 1, 0, 0, 0, 0, 0, 'a'};
    private static final byte[] POINTER = {5, 1, 0, 10, 0, 20};

    @Test
    void messagesCutAnywhereReachTheEquipmentWhole() throws Exception {
        var stream = new BrowserRfbStream(INIT);
        byte[] all = join(HANDSHAKE, KEY_A, POINTER, cutText("hello"), ClientMessages.framebufferUpdateRequest(true,
                0, 0, 640, 480));
        var received = new ArrayList<byte[]>();
        for (int i = 0; i < all.length; i += 3) {
            received.addAll(stream.feed(all, i, Math.min(3, all.length - i)).toEquipment());
        }
        assertThat(received).containsExactly(KEY_A, POINTER, cutText("hello"),
                ClientMessages.framebufferUpdateRequest(true, 0, 0, 640, 480));
    }

    @Test
    void setEncodingsKeepsOnlyWhatTheRecordingDecodesInTheBrowsersOrder() throws Exception {
        var stream = new BrowserRfbStream(INIT);
        stream.feed(HANDSHAKE, 0, HANDSHAKE.length);
        // noVNC's list: Tight, CopyRect, ZRLE, Hextile, Raw, quality 6, compress 2, QEMU key (-258), Fence (-312),
        // continuous updates (-313), extended clipboard (0xC0A1E5CE)
        byte[] offer = ClientMessages.setEncodings(List.of(Encodings.TIGHT, Encodings.COPY_RECT, Encodings.ZRLE,
                Encodings.HEXTILE, -26, -254, -258, -312, -313, 0xC0A1E5CE, Encodings.DESKTOP_SIZE));

        var forwarded = stream.feed(offer, 0, offer.length).toEquipment();

        assertThat(forwarded).containsExactly(ClientMessages.setEncodings(List.of(Encodings.TIGHT, Encodings.COPY_RECT,
                Encodings.ZRLE, Encodings.HEXTILE, -26, -254, Encodings.DESKTOP_SIZE, Encodings.RAW)));
    }

    @Test
    void recordedSessionLeavesTheCursorForTheEquipmentToDrawIntoTheScreen() {
        byte[] offered = ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.CURSOR, Encodings.RAW));
        assertThat(BrowserRfbStream.withoutCursorShape(offered))
                .isEqualTo(ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.RAW)));
    }

    @Test
    void aWrongVersionSecurityTypeOrUnknownMessageIsRefused() throws Exception {
        byte[] old = "RFB 003.003\n".getBytes();
        assertThatThrownBy(() -> new BrowserRfbStream(INIT).feed(old, 0, old.length)).isInstanceOf(RfbException.class);
        byte[] vncAuth = join(BrowserRfbStream.VERSION, new byte[] {2});
        assertThatThrownBy(() -> new BrowserRfbStream(INIT).feed(vncAuth, 0, vncAuth.length))
                .hasMessageContaining("security type");
        var stream = new BrowserRfbStream(INIT);
        stream.feed(HANDSHAKE, 0, HANDSHAKE.length);
        byte[] fence = {(byte) 248, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> stream.feed(fence, 0, fence.length)).hasMessageContaining("type 248");
    }

    @Test
    void anAbsurdClipboardLengthIsRefusedBeforeItIsBuffered() throws Exception {
        var stream = new BrowserRfbStream(INIT);
        stream.feed(HANDSHAKE, 0, HANDSHAKE.length);
        byte[] header = ByteBuffer.allocate(8).put((byte) 6).put(new byte[3]).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> stream.feed(header, 0, header.length)).hasMessageContaining("clipboard bytes");
    }

    @Test
    void eachHandshakeAnswerFollowsTheBrowsersStepAsFromARealServer() throws Exception {
        var stream = new BrowserRfbStream(INIT);
        assertThat(BrowserRfbStream.greeting()).isEqualTo("RFB 003.008\n".getBytes());

        var afterVersion = stream.feed(BrowserRfbStream.VERSION, 0, 12);
        assertThat(afterVersion.toBrowser()).containsExactly(new byte[] {1, 1});
        var afterChoice = stream.feed(new byte[] {1}, 0, 1);
        assertThat(afterChoice.toBrowser()).containsExactly(new byte[4]);
        assertThat(afterChoice.handshakeDone()).isFalse();
        var afterClientInit = stream.feed(new byte[] {0, 4, 1}, 0, 3);
        assertThat(afterClientInit.toBrowser()).containsExactly(INIT);
        assertThat(afterClientInit.handshakeDone()).isTrue();
        assertThat(afterClientInit.toEquipment()).isEmpty(); // half a KeyEvent waits for the rest
    }

    private static byte[] cutText(String text) {
        return ByteBuffer.allocate(8 + text.length()).put((byte) 6).put(new byte[3]).putInt(text.length())
                .put(text.getBytes()).array();
    }

    private static byte[] join(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
