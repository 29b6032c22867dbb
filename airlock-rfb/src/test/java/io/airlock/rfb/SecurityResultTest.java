package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecurityResultTest {

    /** Xvnc's answer to a wrong VNC password after the client answered 3.8. */
    private static final String TIGERVNC_FAILURE =
            "00000001" + "00000016" + "41757468656e7469636174696f6e206661696c757265";

    @Test
    void acceptsOk() throws Exception {
        var result = SecurityResult.read(hex("00000000"), ProtocolVersion.V3_8);

        assertThat(result).isEqualTo(SecurityResult.OK);
        assertThatCode(result::orThrow).doesNotThrowAnyException();
    }

    @Test
    void carriesTigerVncFailureReasonIn38() throws Exception {
        var result = SecurityResult.read(hex(TIGERVNC_FAILURE), ProtocolVersion.V3_8);

        assertThat(result.ok()).isFalse();
        assertThat(result.failureReason()).contains("Authentication failure");
        assertThatThrownBy(result::orThrow)
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.AUTHENTICATION_FAILED))
                .hasMessage("server rejected the authentication: Authentication failure");
    }

    @Test
    void failsWithoutReasonBefore38() throws Exception {
        var in = hex("00000001");
        var result = SecurityResult.read(in, ProtocolVersion.V3_7);

        assertThat(result.ok()).isFalse();
        assertThat(result.failureReason()).isEmpty();
        assertThat(in.read()).as("nothing read past the status").isEqualTo(-1);
        assertThatThrownBy(result::orThrow).hasMessage("server rejected the authentication");
    }

    @Test
    void treatsOtherNonZeroStatusAsFailure() throws Exception {
        // TightVNC sends 2 for "too many attempts".
        assertThat(SecurityResult.read(hex("00000002"), ProtocolVersion.V3_3).ok()).isFalse();
    }

    private static ByteArrayInputStream hex(String bytes) {
        return new ByteArrayInputStream(HexFormat.of().parseHex(bytes));
    }
}
