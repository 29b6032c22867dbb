package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the live TigerVNC peer: every encoding draws the screen that Raw draws. */
@Tag("peers")
class PeerEncodingsTest {

    private static int[] raw;

    @BeforeAll
    static void readTheScreenRaw() throws Exception {
        assumeTrue(PeerSession.available(), "the TigerVNC peer's variables are not set");
        try (PeerSession peer = PeerSession.open()) {
            raw = peer.requestFullScreen(PixelFormat.RGB888, List.of(Encodings.RAW)).framebuffer().pixels().clone();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw-rgb565", "raw-bgr233", "rre", "hextile", "hextile-rgb565", "zrle", "zrle-big-endian",
        "zrle-rgb565", "zrle-cursor-extended-size", "tight", "tight-rgb565"})
    void losslessEncodingsDrawExactlyTheRawScreen(String name) throws Exception {
        Captures.Spec spec = Captures.SPECS.get(name);
        try (PeerSession peer = PeerSession.open()) {
            Framebuffer decoded = peer.requestFullScreen(spec.format(), spec.encodings()).framebuffer();

            assertThat(decoded.pixels()).isEqualTo(raw);
        }
    }

    @Test
    void tightWithJpegAllowedStaysAbove30Decibels() throws Exception {
        Captures.Spec spec = Captures.SPECS.get("tight-jpeg");
        try (PeerSession peer = PeerSession.open()) {
            Framebuffer decoded = peer.requestFullScreen(spec.format(), spec.encodings()).framebuffer();

            assertThat(Psnr.of(raw, decoded.pixels())).isGreaterThanOrEqualTo(30.0);
        }
    }
}
