package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays full screens the TigerVNC peer sent in each encoding and pixel format (see {@link Captures}). */
class CapturedUpdatesTest {

    private static final int RED = 0xff0000;
    private static final int WHITE = 0xffffff;

    @Test
    void rawScreenShowsThePeersXtermOnRed() throws Exception {
        Framebuffer raw = Captures.replay(Captures.bytes("raw"));

        assertThat(raw.width()).isEqualTo(640);
        assertThat(raw.height()).isEqualTo(480);
        assertThat(raw.pixels()[400 * 640 + 400]).isEqualTo(RED);
        assertThat(raw.pixels()[50 * 640 + 200]).as("inside the xterm").isEqualTo(WHITE);
        long black = java.util.Arrays.stream(raw.pixels()).filter(p -> p == 0).count();
        assertThat(black).as("the xterm's border and text").isBetween(500L, 5000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw-rgb565", "raw-bgr233", "rre", "hextile", "hextile-rgb565", "zrle", "zrle-big-endian",
        "zrle-rgb565", "zrle-cursor-extended-size", "tight", "tight-rgb565", "tight-jpeg"})
    void everyEncodingAndFormatDecodesToTheRawScreen(String capture) throws Exception {
        Framebuffer raw = Captures.replay(Captures.bytes("raw"));

        Framebuffer decoded = Captures.replay(Captures.bytes(capture));

        // The peer's screen has only saturated colours, which every format here holds exactly.
        assertThat(decoded.pixels()).isEqualTo(raw.pixels());
    }

    @Test
    void cursorPseudoEncodingLeavesTheShapeTheServerSent() throws Exception {
        Framebuffer decoded = Captures.replay(Captures.bytes("zrle-cursor-extended-size"));

        // The peer's root window has an empty cursor: 0x0, the pointer hidden.
        assertThat(decoded.cursor()).hasValueSatisfying(cursor -> assertThat(cursor.argb()).isEmpty());
    }
}
