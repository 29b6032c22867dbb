package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a server sends, the reader ends with a clear RfbException, quickly and in bounded memory. */
@Timeout(30)
class HostileInputTest {

    @Test
    void rectangleOutsideTheFramebufferIsRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(4, 4, 8, 1, Encodings.RAW).toBytes()),
                "lies outside the 8x8 framebuffer");
    }

    @Test
    void copyRectFromOutsideTheFramebufferIsRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 4, 4, Encodings.COPY_RECT)
                .u16(6).u16(0).toBytes()), "outside");
    }

    @Test
    void absurdDesktopSizeIsRefusedBeforeAllocating() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 65535, 65535, Encodings.DESKTOP_SIZE)
                .toBytes()), "out of bounds");
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8192, 8192, Encodings.DESKTOP_SIZE)
                .toBytes()), "at most 16777216 pixels");
    }

    @Test
    void zrleZlibBombEndsAtTheRectanglesPixels() {
        // A solid tile, then 10 MB of zeros in the same compressed data: 10 KB on the wire.
        byte[] tile = new Updates().u8(1).u8(0).u8(0).u8(0xff).toBytes();
        byte[] bomb = Arrays.copyOf(tile, 10_000_000);
        byte[] compressed = Updates.deflate(new Deflater(9), bomb);

        assertMalformed(() -> Updates.apply(64, 64, Updates.update(1).rect(0, 0, 64, 64, Encodings.ZRLE)
                .u32(compressed.length).bytes(compressed).toBytes()), "more than the rectangle's pixels");
    }

    @Test
    void zrleDataLongerThanAnyTileSyntaxIsRefusedUnread() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8, 8, Encodings.ZRLE)
                .u32(0xffffffffL).toBytes()), "more than such a rectangle can need");
    }

    @Test
    void tightZlibBombEndsAtTheRectanglesPixels() {
        byte[] bomb = new byte[4_000_000];
        byte[] compressed = Updates.deflate(new Deflater(9), bomb);

        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8, 8, Encodings.TIGHT).u8(0x00)
                .compactLength(compressed.length).bytes(compressed).toBytes()), "more than the rectangle's pixels");
    }

    @Test
    void corruptZlibDataIsRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8, 8, Encodings.ZRLE)
                .u32(4).u32(0xdeadbeefL).toBytes()), "ZRLE data is corrupt");
    }

    @Test
    void jpegClaimingAHugePictureIsRefusedBeforeDecoding() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        byte[] jpeg = out.toByteArray();
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                jpeg[i + 5] = (byte) 0xea; // height and width 60000
                jpeg[i + 6] = 0x60;
                jpeg[i + 7] = (byte) 0xea;
                jpeg[i + 8] = 0x60;
            }
        }

        assertMalformed(() -> Updates.apply(16, 8, Updates.update(1).rect(0, 0, 16, 8, Encodings.TIGHT).u8(0x90)
                .compactLength(jpeg.length).bytes(jpeg).toBytes()), "its JPEG picture is 60000x60000");
    }

    @Test
    void paletteIndexBeyondThePaletteIsRefused() {
        assertMalformed(() -> Updates.apply(4, 1, Updates.update(1).rect(0, 0, 4, 1, Encodings.TIGHT).u8(0x40).u8(1)
                .u8(2).tpixel(0).tpixel(1).tpixel(2).u8(0).u8(1).u8(2).u8(3).toBytes()), "beyond its 3 colours");
    }

    @Test
    void hextileSubRectangleOutsideItsTileIsRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8, 8, Encodings.HEXTILE)
                .u8(2 | 4 | 8).pixel(0).pixel(1).u8(1).u8(0x70).u8(0x10).toBytes()), "lies outside its 8x8 tile");
    }

    @Test
    void oversizedCursorColourMapAndClipboardAreRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 4000, 4000, Encodings.CURSOR).toBytes()),
                "at most 256 pixels a side");
        assertMalformed(() -> Updates.apply(8, 8, new Updates().u8(1).u8(0).u16(65535).u16(2).u32(0).u32(0).u32(0)
                .toBytes()), "beyond the 65536");
        assertMalformed(() -> Updates.apply(8, 8, new Updates().u8(3).u8(0).u16(0).u32(0xfffffff0L).toBytes()),
                "ServerCutText claims");
    }

    @Test
    void encodingNeverOfferedAndUnknownMessagesAreRefused() {
        assertMalformed(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 1, 1, 99).toBytes()),
                "never offered");
        assertMalformed(() -> Updates.apply(8, 8, new Updates().u8(77).toBytes()), "message type 77");
    }

    @Test
    void hugeCountsOnAShortStreamEndAtItsEnd() {
        assertThatThrownBy(() -> Updates.apply(8, 8, Updates.update(1).rect(0, 0, 8, 8, Encodings.RRE)
                .u32(0xffffffffL).pixel(0).toBytes()))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.UNEXPECTED_END_OF_STREAM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rre", "hextile", "zrle", "zrle-cursor-extended-size", "tight", "tight-rgb565"})
    void everyTruncationOfACaptureIsAnUnexpectedEndOrMalformed(String name) throws IOException {
        byte[] capture = Captures.bytes(name);
        int initLength = ServerInitLength.of(capture);
        Set<Integer> boundaries = messageEnds(capture);
        for (int cut = initLength + 1; cut < capture.length; cut++) {
            if (boundaries.contains(cut)) {
                continue; // a clean end between two messages
            }
            byte[] truncated = Arrays.copyOf(capture, cut);
            assertThatThrownBy(() -> Captures.replay(truncated)).as("cut at %d of %d", cut, capture.length)
                    .isInstanceOfSatisfying(RfbException.class, e -> assertThat(e.reason()).isIn(
                            RfbException.Reason.UNEXPECTED_END_OF_STREAM, RfbException.Reason.MALFORMED_MESSAGE));
        }
    }

    @Test
    void aTruncatedFullScreenOfRawPixelsAllocatesOnlyWhatArrived() {
        byte[] capture = Arrays.copyOf(Captures.bytes("raw"), 100_000);
        long started = System.nanoTime();

        assertThatThrownBy(() -> Captures.replay(capture)).isInstanceOf(RfbException.class)
                .hasMessageContaining("connection closed while reading Raw pixels");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private static Set<Integer> messageEnds(byte[] capture) throws IOException {
        Set<Integer> ends = new HashSet<>();
        ByteArrayInputStream in = new ByteArrayInputStream(capture);
        ServerInit init = ServerInit.read(in);
        try (ServerMessageReader reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()))) {
            while (reader.next().isPresent()) {
                ends.add(capture.length - in.available());
            }
        }
        return ends;
    }

    private static void assertMalformed(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RfbException.class,
                e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_MESSAGE))
                .hasMessageContaining(message);
    }

    /** Where a capture's messages start. */
    private static final class ServerInitLength {
        static int of(byte[] capture) {
            int nameLength = (capture[20] & 0xff) << 24 | (capture[21] & 0xff) << 16 | (capture[22] & 0xff) << 8
                    | (capture[23] & 0xff);
            return 24 + nameLength;
        }
    }
}
