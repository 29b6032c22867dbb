package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class PixelFormatTest {

    @Test
    void wireFormatRoundTrips() throws Exception {
        PixelFormat format = new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0);
        byte[] wire = format.toBytes();

        assertThat(wire).hasSize(PixelFormat.WIRE_LENGTH);
        assertThat(PixelFormat.read(new ByteArrayInputStream(wire))).isEqualTo(format);
    }

    @Test
    void twentyFourBitsPerPixelIsRefusedAsMalformed() {
        byte[] wire = PixelFormat.RGB888.toBytes();
        wire[0] = 24;

        assertThatThrownBy(() -> PixelFormat.read(new ByteArrayInputStream(wire)))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_MESSAGE))
                .hasMessageContaining("8, 16 or 32");
    }

    @Test
    void componentsAreStretchedToEightBits() {
        PixelFormat rgb565 = Captures.RGB565;
        assertThat(rgb565.trueColourToRgb(0xffff)).isEqualTo(0xffffff);
        assertThat(rgb565.trueColourToRgb(0xf800)).isEqualTo(0xff0000);
        assertThat(rgb565.trueColourToRgb(0x07e0)).isEqualTo(0x00ff00);
        assertThat(rgb565.trueColourToRgb(0x001f)).isEqualTo(0x0000ff);
        assertThat(rgb565.trueColourToRgb(0x8410)).isEqualTo(0x848284);
        assertThat(Captures.BGR233.trueColourToRgb(0b10_100_111)).isEqualTo(0xff92aa);
    }

    @Test
    void pixelsAreReadInTheirByteOrder() {
        byte[] bytes = {0x11, 0x22, 0x33, 0x44};
        assertThat(PixelFormat.RGB888.pixelAt(bytes, 0)).isEqualTo(0x44332211);
        assertThat(Captures.RGB888_BIG_ENDIAN.pixelAt(bytes, 0)).isEqualTo(0x11223344);
        assertThat(Captures.RGB565.pixelAt(bytes, 1)).isEqualTo(0x3322);
        assertThat(new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0).pixelAt(bytes, 1)).isEqualTo(0x2233);
    }

    @Test
    void compactPixelsFollowTheZeroByte() {
        assertThat(PixelFormat.RGB888.hasCompactPixel()).isTrue();
        assertThat(PixelFormat.RGB888.compactPixelDropsLastByte()).isTrue();
        assertThat(Captures.RGB888_BIG_ENDIAN.compactPixelDropsLastByte()).isFalse();
        PixelFormat high = new PixelFormat(32, 24, false, true, 255, 255, 255, 24, 16, 8);
        assertThat(high.hasCompactPixel()).isTrue();
        assertThat(high.compactPixelDropsLastByte()).isFalse();
        assertThat(Captures.RGB565.hasCompactPixel()).isFalse();
        assertThat(PixelFormat.RGB888.hasTightPixel()).isTrue();
        assertThat(Captures.RGB565.hasTightPixel()).isFalse();
    }

    @Test
    void colourMappedPixelsLookUpTheMapAndUnsetEntriesAreBlack() throws Exception {
        Framebuffer framebuffer = new Framebuffer(4, 1, new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0));
        byte[] colours = new Updates().u8(1).u8(0).u16(3).u16(2)
                .u16(0xff00).u16(0x8000).u16(0x0000)
                .u16(0x0000).u16(0x0000).u16(0xffff)
                .bytes(Updates.update(1).rect(0, 0, 4, 1, Encodings.RAW).u8(3).u8(4).u8(5).u8(200).toBytes())
                .toBytes();

        Updates.apply(framebuffer, colours);

        assertThat(framebuffer.pixels()).containsExactly(0xff8000, 0x0000ff, 0, 0);
    }

    @Test
    void aColourWrittenInAFormatReadsBackAsTheSameColour() {
        for (PixelFormat format : new PixelFormat[] {PixelFormat.RGB888, Captures.RGB565,
                new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16)}) {
            byte[] wire = new byte[4];
            format.put(format.fromRgb(0x12ab7f), wire, 0);
            int read = format.trueColourToRgb(format.pixelAt(wire, 0));
            assertThat(Math.abs((read >> 16) - 0x12)).as(format.toString()).isLessThanOrEqualTo(8);
            assertThat(Math.abs((read >> 8 & 0xff) - 0xab)).as(format.toString()).isLessThanOrEqualTo(4);
            assertThat(Math.abs((read & 0xff) - 0x7f)).as(format.toString()).isLessThanOrEqualTo(8);
        }
        byte[] exact = new byte[4];
        PixelFormat.RGB888.put(PixelFormat.RGB888.fromRgb(0x12ab7f), exact, 0);
        assertThat(exact).containsExactly(0x7f, 0xab, 0x12, 0);
    }
}
