package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    /** The greeting TigerVNC's Xvnc 1.12 sent on connect, byte for byte. */
    private static final byte[] TIGERVNC_GREETING = HexFormat.of().parseHex("524642203030332e3030380a");

    @Test
    void parsesTigerVncGreetingAs38() throws Exception {
        assertThat(ProtocolVersion.parse(TIGERVNC_GREETING)).isEqualTo(ProtocolVersion.V3_8);
    }

    @Test
    void readsGreetingFromStreamAndLeavesFollowingBytes() throws Exception {
        var in = new ByteArrayInputStream(ascii("RFB 003.007\n\u0001"));

        assertThat(ProtocolVersion.read(in)).isEqualTo(ProtocolVersion.V3_7);
        assertThat(in.read()).isEqualTo(1);
    }

    @Test
    void writesGreetingThatParsesBack() throws Exception {
        assertThat(ProtocolVersion.V3_8.toBanner()).isEqualTo(TIGERVNC_GREETING);
        assertThat(ProtocolVersion.parse(new ProtocolVersion(3, 889).toBanner())).isEqualTo(new ProtocolVersion(3, 889));
    }

    @Test
    void rejectsBannerWithoutTrailingNewline() {
        assertMalformed(ascii("RFB 003.008 "), "does not end with a newline");
    }

    @Test
    void rejectsBannerOfWrongLength() {
        assertMalformed(ascii("RFB 003.8\n"), "10 bytes long");
    }

    @Test
    void rejectsGreetingOfAnotherProtocol() {
        // An SSH server answering on the VNC port: the first 12 bytes of its banner.
        assertMalformed(ascii("SSH-2.0-Open"), "does not start with \"RFB \"");
    }

    @Test
    void rejectsVersionNumbersThatAreNotDigits() {
        assertMalformed(ascii("RFB 003.00x\n"), "three decimal digits");
        assertMalformed(ascii("RFB 0 3.008\n"), "three decimal digits");
    }

    @Test
    void rejectsMissingDotBetweenNumbers() {
        assertMalformed(ascii("RFB 003,008\n"), "no dot");
    }

    @Test
    void showsUnprintableBytesEscapedInTheMessage() {
        assertThatThrownBy(() -> ProtocolVersion.parse(new byte[] {0, 'F', 'B', ' ', '0', '0', '3', '.', '0', '0', '8', '\n'}))
                .hasMessageContaining("\\x00FB 003.008\\n");
    }

    @Test
    void reportsConnectionClosedInsideGreeting() {
        assertThatThrownBy(() -> ProtocolVersion.read(new ByteArrayInputStream(ascii("RFB 003"))))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.UNEXPECTED_END_OF_STREAM))
                .hasMessageContaining("got 7 of 12 bytes");
    }

    @Test
    void answersTheThreeRfcVersionsWithThemselves() throws Exception {
        assertThat(ProtocolVersion.V3_3.clientAnswer()).isEqualTo(ProtocolVersion.V3_3);
        assertThat(ProtocolVersion.V3_7.clientAnswer()).isEqualTo(ProtocolVersion.V3_7);
        assertThat(ProtocolVersion.V3_8.clientAnswer()).isEqualTo(ProtocolVersion.V3_8);
    }

    @Test
    void answersAppleRemoteDesktopWith38() throws Exception {
        assertThat(new ProtocolVersion(3, 889).clientAnswer()).isEqualTo(ProtocolVersion.V3_8);
    }

    @Test
    void answersNewerMajorVersionWith38() throws Exception {
        assertThat(new ProtocolVersion(4, 1).clientAnswer()).isEqualTo(ProtocolVersion.V3_8);
        assertThat(new ProtocolVersion(5, 0).clientAnswer()).isEqualTo(ProtocolVersion.V3_8);
    }

    @Test
    void answersOtherThreeDotVersionsWith33AsTheRfcSays() throws Exception {
        // UltraVNC announces 3.4, 3.6, 3.14 and 3.16 for variants of the 3.3 handshake.
        assertThat(new ProtocolVersion(3, 5).clientAnswer()).isEqualTo(ProtocolVersion.V3_3);
        assertThat(new ProtocolVersion(3, 6).clientAnswer()).isEqualTo(ProtocolVersion.V3_3);
        assertThat(new ProtocolVersion(3, 14).clientAnswer()).isEqualTo(ProtocolVersion.V3_3);
    }

    @Test
    void refusesVersionsBeforeThree() {
        assertThatThrownBy(() -> new ProtocolVersion(2, 0).clientAnswer())
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void ordersVersionsNumerically() {
        assertThat(new ProtocolVersion(3, 889).isAtLeast(ProtocolVersion.V3_8)).isTrue();
        assertThat(ProtocolVersion.V3_3.isAtLeast(ProtocolVersion.V3_7)).isFalse();
        assertThat(new ProtocolVersion(4, 0).isAtLeast(new ProtocolVersion(3, 889))).isTrue();
    }

    private static void assertMalformed(byte[] banner, String why) {
        assertThatThrownBy(() -> ProtocolVersion.parse(banner))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_BANNER))
                .hasMessageContaining(why);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
