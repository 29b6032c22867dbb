package io.airlock.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.rfb.ProtocolVersion;
import io.airlock.rfb.SecurityResult;
import io.airlock.rfb.SecurityType;
import io.airlock.rfb.SecurityTypeOffer;
import io.airlock.rfb.VncAuth;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VNC peer is a real TigerVNC server that speaks RFB 3.8 and checks the VNC password. */
@Tag("peers")
class VncPeerSmokeTest {

    private static TestPeers peers;

    @BeforeAll
    static void findPeers() {
        peers = TestPeers.load();
    }

    @Test
    void serverSpeaks38AndOffersVncAuth() throws Exception {
        try (Socket socket = peers.connect("vnc", peers.vncPort())) {
            InputStream in = socket.getInputStream();
            ProtocolVersion version = ProtocolVersion.read(in);
            assertThat(version).isEqualTo(ProtocolVersion.V3_8);

            socket.getOutputStream().write(version.clientAnswer().toBanner());
            SecurityTypeOffer offer = SecurityTypeOffer.read(in, version.clientAnswer());

            assertThat(offer.offers(SecurityType.VNC_AUTH)).as("offered %s", offer.types()).isTrue();
        }
    }

    @Test
    void rightPasswordGetsSecurityResultOkAnd640x480Desktop() throws Exception {
        try (Socket socket = peers.connect("vnc", peers.vncPort())) {
            SecurityResult result = authenticate(socket, peers.vncPassword());
            assertThat(result).isEqualTo(SecurityResult.OK);

            // ClientInit (shared) and the start of ServerInit: the desktop the script asked for.
            socket.getOutputStream().write(1);
            var serverInit = new DataInputStream(socket.getInputStream());
            assertThat(serverInit.readUnsignedShort()).as("width").isEqualTo(640);
            assertThat(serverInit.readUnsignedShort()).as("height").isEqualTo(480);
        }
    }

    @Test
    void wrongPasswordGetsSecurityResultFailed() throws Exception {
        try (Socket socket = peers.connect("vnc", peers.vncPort())) {
            SecurityResult result = authenticate(socket, "not-" + peers.vncPassword());

            assertThat(result.ok()).isFalse();
            assertThat(result.failureReason()).contains("Authentication failure");
        }
    }

    private static SecurityResult authenticate(Socket socket, String password) throws Exception {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ProtocolVersion answer = ProtocolVersion.read(in).clientAnswer();
        out.write(answer.toBanner());
        SecurityTypeOffer offer = SecurityTypeOffer.read(in, answer);
        assertThat(offer.offers(SecurityType.VNC_AUTH)).as("offered %s", offer.types()).isTrue();
        out.write(SecurityType.VNC_AUTH.code());
        out.write(VncAuth.response(password, VncAuth.readChallenge(in)));
        return SecurityResult.read(in, answer);
    }
}
