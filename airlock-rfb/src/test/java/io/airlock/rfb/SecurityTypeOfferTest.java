package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityTypeOfferTest {

    @Test
    void readsTigerVncOfferOfVncAuthOnly() throws Exception {
        // Captured from Xvnc -SecurityTypes VncAuth after the client answered 3.8.
        var offer = SecurityTypeOffer.read(hex("0102"), ProtocolVersion.V3_8);

        assertThat(offer.types()).containsExactly(SecurityType.VNC_AUTH);
        assertThat(offer.offers(SecurityType.VNC_AUTH)).isTrue();
        assertThat(offer.offers(SecurityType.NONE)).isFalse();
        assertThat(offer.chosenByServer()).isFalse();
    }

    @Test
    void keepsServerOrderAndUnknownTypes() throws Exception {
        var offer = SecurityTypeOffer.read(hex("03130201"), ProtocolVersion.V3_7);

        assertThat(offer.types()).containsExactly(SecurityType.VENCRYPT, SecurityType.VNC_AUTH, SecurityType.NONE);
        assertThat(SecurityTypeOffer.read(hex("01c8"), ProtocolVersion.V3_8).types())
                .containsExactly(new SecurityType(200));
    }

    @Test
    void readsTypeChosenByVersion33Server() throws Exception {
        var offer = SecurityTypeOffer.read(hex("00000002"), ProtocolVersion.V3_3);

        assertThat(offer.types()).containsExactly(SecurityType.VNC_AUTH);
        assertThat(offer.chosenByServer()).isTrue();
    }

    @Test
    void reportsServerReasonWhenItOffersNoTypes() {
        byte[] reason = "Server is shutting down".getBytes(StandardCharsets.US_ASCII);
        byte[] message = concat(new byte[] {0}, u32(reason.length), reason);

        assertThatThrownBy(() -> SecurityTypeOffer.read(new ByteArrayInputStream(message), ProtocolVersion.V3_8))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.CONNECTION_FAILED))
                .hasMessage("server refused the connection: Server is shutting down");
    }

    @Test
    void reportsTigerVncBlacklistRefusalSentAsVersion33() throws Exception {
        // Captured from Xvnc after five failed logins: it greets with 3.3 so that it can refuse in
        // the 3.3 layout (U32 zero, then the reason), whatever the client would have answered.
        var in = hex("524642203030332e3030330a" + "00000000" + "0000001a"
                + "546f6f206d616e79207365637572697479206661696c75726573");
        ProtocolVersion answer = ProtocolVersion.read(in).clientAnswer();

        assertThat(answer).isEqualTo(ProtocolVersion.V3_3);
        assertThatThrownBy(() -> SecurityTypeOffer.read(in, answer))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.CONNECTION_FAILED))
                .hasMessage("server refused the connection: Too many security failures");
    }

    @Test
    void reportsServerReasonWhenVersion33ServerChoosesNothing() {
        byte[] reason = "no".getBytes(StandardCharsets.US_ASCII);
        byte[] message = concat(u32(0), u32(reason.length), reason);

        assertThatThrownBy(() -> SecurityTypeOffer.read(new ByteArrayInputStream(message), ProtocolVersion.V3_3))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.CONNECTION_FAILED))
                .hasMessageEndingWith(": no");
    }

    @Test
    void rejectsTypeZeroInsideList() {
        assertThatThrownBy(() -> SecurityTypeOffer.read(hex("020200"), ProtocolVersion.V3_8))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_MESSAGE));
    }

    @Test
    void rejectsVersion33ChoiceBeyondOneByte() {
        assertThatThrownBy(() -> SecurityTypeOffer.read(hex("00000100"), ProtocolVersion.V3_3))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_MESSAGE));
    }

    @Test
    void rejectsAbsurdReasonLengthWithoutAllocatingIt() {
        assertThatThrownBy(() -> SecurityTypeOffer.read(hex("00ffffffff"), ProtocolVersion.V3_8))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.MALFORMED_MESSAGE))
                .hasMessageContaining("4294967295 bytes");
    }

    @Test
    void reportsListCutShort() {
        assertThatThrownBy(() -> SecurityTypeOffer.read(hex("0302"), ProtocolVersion.V3_8))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.UNEXPECTED_END_OF_STREAM));
    }

    @Test
    void refusesOfferThatAServerCannotMake() {
        assertThatThrownBy(() -> new SecurityTypeOffer(List.of(), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityTypeOffer(List.of(SecurityType.NONE, SecurityType.VNC_AUTH), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTypesInMessages() {
        assertThat(SecurityType.VNC_AUTH).hasToString("2 (VNC Authentication)");
        assertThat(new SecurityType(200)).hasToString("200 (unknown)");
    }

    private static ByteArrayInputStream hex(String bytes) {
        return new ByteArrayInputStream(HexFormat.of().parseHex(bytes));
    }

    static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
