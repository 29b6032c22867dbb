package io.airlock.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.Socket;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The RDP peer is a real RDP server that answers the X.224 connection request and insists on NLA. */
@Tag("peers")
class RdpPeerSmokeTest {

    private static final int TPKT_VERSION = 3;
    private static final int X224_CONNECTION_CONFIRM = 0xD0;
    private static final int TYPE_RDP_NEG_RSP = 0x02;
    private static final int PROTOCOL_HYBRID = 0x02;

    /**
     * TPKT header (RFC 1006, 19 bytes in all), X.224 Connection Request TPDU (ISO 8073: length
     * indicator 14, code 0xE0, references and class 0) and an RDP Negotiation Request (MS-RDPBCGR
     * 2.2.1.1.1) asking for PROTOCOL_SSL | PROTOCOL_HYBRID.
     */
    private static final byte[] CONNECTION_REQUEST = HexFormat.of().parseHex(
            "03000013" + "0ee00000000000" + "0100080003000000");

    private static TestPeers peers;

    @BeforeAll
    static void findPeers() {
        peers = TestPeers.load();
    }

    @Test
    void connectionRequestGetsConnectionConfirmSelectingNla() throws Exception {
        try (Socket socket = peers.connect("rdp", peers.rdpPort())) {
            socket.getOutputStream().write(CONNECTION_REQUEST);

            var in = new DataInputStream(socket.getInputStream());
            assertThat(in.readUnsignedByte()).as("TPKT version").isEqualTo(TPKT_VERSION);
            in.readUnsignedByte(); // reserved
            int length = in.readUnsignedShort();
            // 4 TPKT + 7 X.224 header + 8 negotiation response.
            assertThat(length).as("TPKT length").isEqualTo(19);
            byte[] tpdu = new byte[length - 4];
            in.readFully(tpdu);

            // The upper four bits are the TPDU code; the lower four carry the credit, which is 0 here.
            assertThat(tpdu[1] & 0xF0).as("X.224 TPDU code").isEqualTo(X224_CONNECTION_CONFIRM);
            // Negotiation response after the 7-byte TPDU header: type, flags, length (2), protocol (4, LE).
            assertThat(tpdu[7] & 0xFF).as("RDP negotiation response type").isEqualTo(TYPE_RDP_NEG_RSP);
            assertThat(tpdu[11] & 0xFF).as("selected protocol").isEqualTo(PROTOCOL_HYBRID);
        }
    }
}
