package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VncAuthTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void answersChallengeTheWayTigerVncAccepted() {
        // Captured from Xvnc with password "airlock": this response got SecurityResult OK.
        byte[] challenge = HEX.parseHex("57a4beb06b9484d144767141e1324a96");

        assertThat(HEX.formatHex(VncAuth.response("airlock", challenge))).isEqualTo("9a101a36e580458e4fe5082059b47666");
    }

    @Test
    void answersSecondCapturedChallenge() {
        // Same server, same password, another connection: a different challenge, also accepted.
        byte[] challenge = HEX.parseHex("cce16958fec45f08e27896678c1dbf14");

        assertThat(HEX.formatHex(VncAuth.response("airlock", challenge))).isEqualTo("d51661f104d365b2d900169a80c20914");
    }

    @Test
    void matchesTigerVncPasswordFileObfuscation() {
        // vncpasswd -f stores the password DES-encrypted under VNC's fixed key with the same bit
        // order as authentication, so its output (for "airlock") checks the key handling independently.
        byte[] fixedKey = {23, 82, 107, 6, 35, 78, 88, 7};
        byte[] password = {'a', 'i', 'r', 'l', 'o', 'c', 'k', 0};

        assertThat(HEX.formatHex(VncAuth.encrypt(fixedKey, password))).isEqualTo("675e1efbd2bf1f56");
    }

    @Test
    void usesOnlyTheFirstEightPasswordBytes() {
        byte[] challenge = HEX.parseHex("57a4beb06b9484d144767141e1324a96");

        assertThat(VncAuth.response("airlock!and-more", challenge)).isEqualTo(VncAuth.response("airlock!", challenge));
        assertThat(VncAuth.response("airlock!", challenge)).isNotEqualTo(VncAuth.response("airlock", challenge));
    }

    @Test
    void padsShortPasswordWithZeroBytes() {
        byte[] challenge = HEX.parseHex("cce16958fec45f08e27896678c1dbf14");
        byte[] padded = "airlock\0".getBytes(StandardCharsets.US_ASCII);

        assertThat(VncAuth.response(padded, challenge)).isEqualTo(VncAuth.response("airlock", challenge));
    }

    @Test
    void doesNotChangeTheCallersPasswordOrChallenge() {
        byte[] password = "airlock".getBytes(StandardCharsets.US_ASCII);
        byte[] challenge = HEX.parseHex("57a4beb06b9484d144767141e1324a96");

        VncAuth.response(password, challenge);

        assertThat(password).isEqualTo("airlock".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(challenge)).isEqualTo("57a4beb06b9484d144767141e1324a96");
    }

    @Test
    void rejectsChallengeOfWrongLength() {
        assertThatThrownBy(() -> VncAuth.response("airlock", new byte[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes, not 8");
    }

    @Test
    void readsChallengeAndReportsOneCutShort() throws Exception {
        byte[] captured = HEX.parseHex("57a4beb06b9484d144767141e1324a96");

        assertThat(VncAuth.readChallenge(new ByteArrayInputStream(captured))).isEqualTo(captured);
        assertThatThrownBy(() -> VncAuth.readChallenge(new ByteArrayInputStream(new byte[10])))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.UNEXPECTED_END_OF_STREAM));
    }
}
