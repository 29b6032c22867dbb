package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RfbHandshakeTest {

    private static final byte[] INIT = new ServerInit(1024, 768, PixelFormat.RGB888, "hmi").toBytes();

    @Test
    void version38WithVncAuthenticationAnswersTheChallengeAndReadsServerInit() throws Exception {
        byte[] challenge = new byte[16];
        Updates server = new Updates().bytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII))
                .u8(2).u8(1).u8(2).bytes(challenge).u32(0).bytes(INIT);
        ByteArrayOutputStream client = new ByteArrayOutputStream();

        ServerInit init = RfbHandshake.connect(new ByteArrayInputStream(server.toBytes()), client, Optional.of("secret"),
                true);

        assertThat(init.name()).isEqualTo("hmi");
        byte[] sent = client.toByteArray();
        assertThat(new String(sent, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
        assertThat(sent[12]).isEqualTo((byte) 2);
        assertThat(java.util.Arrays.copyOfRange(sent, 13, 29)).isEqualTo(VncAuth.response("secret", challenge));
        assertThat(sent[29]).as("ClientInit shared").isEqualTo((byte) 1);
    }

    @Test
    void version33WithNoneSendsNoChoiceAndReadsNoResult() throws Exception {
        Updates server = new Updates().bytes("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII)).u32(1).bytes(INIT);
        ByteArrayOutputStream client = new ByteArrayOutputStream();

        ServerInit init = RfbHandshake.connect(new ByteArrayInputStream(server.toBytes()), client, Optional.empty(), false);

        assertThat(init.width()).isEqualTo(1024);
        assertThat(client.toByteArray()).hasSize(13);
    }

    @Test
    void refusedPasswordSaysWhatTheServerSaid() {
        Updates server = new Updates().bytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII))
                .u8(1).u8(2).bytes(new byte[16]).u32(1).u32(17).bytes("Too many attempts".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> RfbHandshake.connect(new ByteArrayInputStream(server.toBytes()),
                new ByteArrayOutputStream(), Optional.of("wrong"), true))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.AUTHENTICATION_FAILED))
                .hasMessageContaining("Too many attempts");
    }

    @Test
    void serverThatNeedsAPasswordSaysSoWhenNoneIsGiven() {
        Updates server = new Updates().bytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(2);

        assertThatThrownBy(() -> RfbHandshake.connect(new ByteArrayInputStream(server.toBytes()),
                new ByteArrayOutputStream(), Optional.empty(), true))
                .isInstanceOfSatisfying(RfbException.class,
                        e -> assertThat(e.reason()).isEqualTo(RfbException.Reason.CONNECTION_FAILED))
                .hasMessageContaining("it may need a password");
    }
}
