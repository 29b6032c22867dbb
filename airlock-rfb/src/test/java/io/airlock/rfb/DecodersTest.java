package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Each encoding's rules on hand-made rectangles, including the cases the peer's screen does not show. */
class DecodersTest {

    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;

    @Test
    void copyRectCopiesAnOverlappingAreaAsItWasBefore() throws Exception {
        Framebuffer fb = Updates.apply(4, 4, Updates.update(3)
                .rect(0, 0, 4, 4, Encodings.RRE).u32(0).pixel(RED)
                .rect(0, 0, 1, 1, Encodings.RAW).pixel(GREEN)
                .rect(1, 1, 3, 3, Encodings.COPY_RECT).u16(0).u16(0)
                .toBytes());

        assertThat(fb.pixels()[5]).isEqualTo(GREEN);
        assertThat(fb.pixels()[0]).isEqualTo(GREEN);
        assertThat(fb.pixels()[10]).as("copied from (1,1) before it changed").isEqualTo(RED);
    }

    @Test
    void rreDrawsSubRectanglesOnItsBackground() throws Exception {
        Framebuffer fb = Updates.apply(4, 2, Updates.update(1)
                .rect(0, 0, 4, 2, Encodings.RRE).u32(1).pixel(BLUE).pixel(RED).u16(1).u16(1).u16(2).u16(1)
                .toBytes());

        assertThat(fb.pixels()).containsExactly(BLUE, BLUE, BLUE, BLUE, BLUE, RED, RED, BLUE);
    }

    @Test
    void hextileCarriesBackgroundAndForegroundFromTileToTile() throws Exception {
        Framebuffer fb = Updates.apply(32, 16, Updates.update(1)
                .rect(0, 0, 32, 16, Encodings.HEXTILE)
                // tile 1: background blue, foreground red, one 2x1 sub-rectangle at (1,0)
                .u8(2 | 4 | 8).pixel(BLUE).pixel(RED).u8(1).u8(0x10).u8(0x10)
                // tile 2: only sub-rectangles, in the colours carried over
                .u8(8).u8(1).u8(0x00).u8(0x00)
                .toBytes());

        assertThat(fb.pixels()[0]).isEqualTo(BLUE);
        assertThat(fb.pixels()[1]).isEqualTo(RED);
        assertThat(fb.pixels()[2]).isEqualTo(RED);
        assertThat(fb.pixels()[16]).isEqualTo(RED);
        assertThat(fb.pixels()[17]).isEqualTo(BLUE);
    }

    @Test
    void zrleTileTypesAllDecodeAndShareOneStream() throws Exception {
        Deflater deflater = new Deflater();
        // 4x2: solid, then packed palette, then plain RLE, then palette RLE, then raw, each a rectangle.
        byte[] solid = new Updates().u8(1).bytes(cpixel(RED)).toBytes();
        byte[] packed = new Updates().u8(2).bytes(cpixel(RED)).bytes(cpixel(GREEN)).u8(0b0110_0000).u8(0b1001_0000).toBytes();
        byte[] plain = new Updates().u8(128).bytes(cpixel(BLUE)).u8(2).bytes(cpixel(RED)).u8(4).toBytes();
        byte[] paletteRle = new Updates().u8(130).bytes(cpixel(GREEN)).bytes(cpixel(BLUE)).u8(0x80).u8(6).u8(1).toBytes();
        Updates messages = Updates.update(4);
        for (byte[] tile : new byte[][] {packed, plain, paletteRle, solid}) {
            byte[] compressed = Updates.deflate(deflater, tile);
            messages.rect(0, 0, 4, 2, Encodings.ZRLE).u32(compressed.length).bytes(compressed);
        }
        Framebuffer shared = Updates.apply(4, 2, messages.toBytes());

        assertThat(shared.pixels()).as("the last rectangle, read through the stream of the three before").containsOnly(RED);
        assertThat(zrleOne(packed)).containsExactly(RED, GREEN, GREEN, RED, GREEN, RED, RED, GREEN);
        assertThat(zrleOne(plain)).containsExactly(BLUE, BLUE, BLUE, RED, RED, RED, RED, RED);
        assertThat(zrleOne(paletteRle)).containsExactly(GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, GREEN, BLUE);
        assertThat(zrleOne(solid)).containsOnly(RED);
    }

    private static int[] zrleOne(byte[] tile) throws Exception {
        byte[] compressed = Updates.deflate(new Deflater(), tile);
        return Updates.apply(4, 2, Updates.update(1).rect(0, 0, 4, 2, Encodings.ZRLE).u32(compressed.length)
                .bytes(compressed).toBytes()).pixels();
    }

    private static byte[] cpixel(int rgb) {
        return new byte[] {(byte) rgb, (byte) (rgb >> 8), (byte) (rgb >> 16)};
    }

    @Test
    void tightFillAndTwoColourPaletteUncompressed() throws Exception {
        Framebuffer fb = Updates.apply(8, 1, Updates.update(2)
                .rect(0, 0, 8, 1, Encodings.TIGHT).u8(0x80).tpixel(BLUE)
                // basic, stream 0, explicit filter: palette of 2, one row of 8 bits = 1 byte (< 12: raw)
                .rect(0, 0, 8, 1, Encodings.TIGHT).u8(0x40).u8(1).u8(1).tpixel(RED).tpixel(GREEN).u8(0b1010_0000)
                .toBytes());

        assertThat(fb.pixels()).containsExactly(GREEN, RED, GREEN, RED, RED, RED, RED, RED);
    }

    @Test
    void tightCopyFilterCompressedKeepsItsStreamUntilReset() throws Exception {
        byte[] row = new Updates().tpixel(RED).tpixel(GREEN).tpixel(BLUE).tpixel(RED).tpixel(GREEN).toBytes();
        Deflater stream2 = new Deflater();
        byte[] first = Updates.deflate(stream2, row);
        byte[] second = Updates.deflate(stream2, row); // refers to the first's dictionary
        byte[] afterReset = Updates.deflate(new Deflater(), row);
        Framebuffer fb = Updates.apply(5, 1, Updates.update(3)
                .rect(0, 0, 5, 1, Encodings.TIGHT).u8(0x20).compactLength(first.length).bytes(first)
                .rect(0, 0, 5, 1, Encodings.TIGHT).u8(0x20).compactLength(second.length).bytes(second)
                .rect(0, 0, 5, 1, Encodings.TIGHT).u8(0x24).compactLength(afterReset.length).bytes(afterReset)
                .toBytes());

        assertThat(fb.pixels()).containsExactly(RED, GREEN, BLUE, RED, GREEN);
    }

    @Test
    void tightGradientFilterAddsThePrediction() throws Exception {
        // 2x2 of grey 10, 20 / 30, 60: deltas from left + up - upleft.
        int[][] grey = {{10, 20}, {30, 60}};
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[][] delta = {{10, 10}, {20, 20}}; // 10-0, 20-10, 30-10, 60-(30+20-10)
        for (int[] line : delta) {
            for (int d : line) {
                data.write(d);
                data.write(d);
                data.write(d);
            }
        }
        byte[] compressed = Updates.deflate(new Deflater(), data.toByteArray());
        Framebuffer fb = Updates.apply(2, 2, Updates.update(1)
                .rect(0, 0, 2, 2, Encodings.TIGHT).u8(0x40).u8(2).compactLength(compressed.length).bytes(compressed)
                .toBytes());

        assertThat(fb.pixels()).containsExactly(Arrays.stream(grey).flatMapToInt(Arrays::stream)
                .map(g -> g << 16 | g << 8 | g).toArray());
    }

    @Test
    void tightJpegIsDecodedWithinJpegLoss() throws Exception {
        BufferedImage picture = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                picture.setRGB(x, y, x < 8 ? 0x2040c0 : 0xe0e0e0);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", jpeg);

        Framebuffer fb = Updates.apply(16, 8, Updates.update(1)
                .rect(0, 0, 16, 8, Encodings.TIGHT).u8(0x90).compactLength(jpeg.size()).bytes(jpeg.toByteArray())
                .toBytes());

        assertThat(Psnr.of(picture.getRGB(0, 0, 16, 8, null, 0, 16), fb.pixels())).isGreaterThan(30);
    }

    @Test
    void cursorKeepsShapeMaskAndHotSpot() throws Exception {
        Framebuffer fb = Updates.apply(8, 8, Updates.update(1)
                .rect(1, 0, 2, 2, Encodings.CURSOR).pixel(RED).pixel(GREEN).pixel(BLUE).pixel(RED)
                .u8(0b1000_0000).u8(0b0100_0000)
                .toBytes());

        CursorShape cursor = fb.cursor().orElseThrow();
        assertThat(cursor.hotX()).isEqualTo(1);
        assertThat(cursor.argb()).containsExactly(0xff000000 | RED, 0, 0, 0xff000000 | RED);
    }

    @Test
    void desktopSizeAndPointerPositionApply() throws Exception {
        Framebuffer fb = Updates.apply(8, 8, Updates.update(2)
                .rect(0, 0, 100, 50, Encodings.DESKTOP_SIZE)
                .rect(40, 30, 0, 0, Encodings.POINTER_POS)
                .toBytes());

        assertThat(fb.width()).isEqualTo(100);
        assertThat(fb.height()).isEqualTo(50);
        assertThat(fb.pointerX()).isEqualTo(40);
        assertThat(fb.pointerY()).isEqualTo(30);
    }

    @Test
    void extendedDesktopSizeResizesOnlyWhenItsStatusIsSuccess() throws Exception {
        Framebuffer fb = Updates.apply(8, 8, Updates.update(2)
                .rect(1, 3, 20, 20, Encodings.EXTENDED_DESKTOP_SIZE).u8(1).u8(0).u16(0).u32(1).u16(0).u16(0).u16(20)
                .u16(20).u32(0)
                .rect(0, 0, 30, 10, Encodings.EXTENDED_DESKTOP_SIZE).u8(0).u8(0).u16(0)
                .toBytes());

        assertThat(fb.width()).isEqualTo(30);
        assertThat(fb.height()).isEqualTo(10);
    }

    @Test
    void lastRectEndsAnUpdateThatAnnouncedMoreRectangles() throws Exception {
        byte[] messages = Updates.update(0xffff)
                .rect(0, 0, 1, 1, Encodings.RAW).pixel(RED)
                .rect(0, 0, 0, 0, Encodings.LAST_RECT)
                .u8(2)
                .toBytes();
        Framebuffer fb = new Framebuffer(2, 2, PixelFormat.RGB888);
        try (ServerMessageReader reader = new ServerMessageReader(new ByteArrayInputStream(messages), fb)) {
            assertThat(reader.next()).contains(new ServerMessage.FramebufferUpdate(2));
            assertThat(reader.next()).contains(new ServerMessage.Bell());
            assertThat(reader.next()).isEmpty();
        }
        assertThat(fb.pixels()[0]).isEqualTo(RED);
    }

    @Test
    void serverCutTextIsLatin1AndKeptUpToItsBound() throws Exception {
        byte[] messages = new Updates().u8(3).u8(0).u16(0).u32(3).u8('a').u8(0xe9).u8('z').toBytes();
        try (ServerMessageReader reader = new ServerMessageReader(new ByteArrayInputStream(messages),
                new Framebuffer(1, 1, PixelFormat.RGB888))) {
            assertThat(reader.next()).contains(new ServerMessage.ServerCutText("a\u00e9z", 3));
        }
    }
}
