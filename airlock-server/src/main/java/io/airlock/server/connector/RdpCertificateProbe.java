package io.airlock.server.connector;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Learns the TLS certificate an RDP server presents, before any credential leaves the gateway: the X.224
 * connection request asks for TLS or NLA (both run over TLS), then a TLS handshake that trusts anything
 * yields the certificate, which the caller compares with the pinned one. The fingerprint has FreeRDP's own
 * form ({@code sha256:} and colon-separated hex), so it goes to {@code /cert:fingerprint:} as it is.
 */
final class RdpCertificateProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final int PROTOCOL_SSL = 1;
    private static final int PROTOCOL_HYBRID = 2;
    private static final int TYPE_NEG_RSP = 2;
    private static final int TYPE_NEG_FAILURE = 3;
    /** TPKT header, X.224 Connection Request and an RDP negotiation request for TLS or NLA. */
    private static final byte[] CONNECTION_REQUEST = {3, 0, 0, 19, 14, (byte) 0xe0, 0, 0, 0, 0, 0,
        1, 0, 8, 0, PROTOCOL_SSL | PROTOCOL_HYBRID, 0, 0, 0};

    private RdpCertificateProbe() {
    }

    /** The server certificate's fingerprint; a server that offers neither TLS nor NLA cannot prove itself. */
    static String fingerprint(ConnectionTarget target) throws ConnectorException {
        String where = target.host() + ":" + target.port();
        try (var socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(target.host(), target.port()), (int) TIMEOUT.toMillis());
            } catch (IOException e) {
                throw VncConnector.unreachable(target, where, e);
            }
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(CONNECTION_REQUEST);
            requireTls(new DataInputStream(socket.getInputStream()), where);
            return fingerprint(handshake(socket, target));
        } catch (SocketTimeoutException e) {
            throw new ConnectorException(ConnectorException.Reason.UNREACHABLE, "The RDP server at " + where
                    + " did not answer the connection request within " + TIMEOUT.toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The equipment at " + where
                    + " did not answer as an RDP server with TLS (" + e.getMessage() + ").", e);
        }
    }

    /** Reads the X.224 Connection Confirm and insists that the server chose TLS or NLA. */
    private static void requireTls(DataInputStream in, String where) throws IOException, ConnectorException {
        int version = in.readUnsignedByte();
        in.readUnsignedByte();
        int length = in.readUnsignedShort();
        if (version != 3 || length < 11 || length > 512) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The equipment at " + where + " does not speak RDP (no valid connection confirm).");
        }
        byte[] tpdu = new byte[length - 4];
        in.readFully(tpdu);
        if ((tpdu[1] & 0xf0) != 0xd0) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The equipment at " + where + " does not speak RDP (no X.224 connection confirm).");
        }
        if (tpdu.length < 15) {
            throw standardSecurityOnly(where);
        }
        int type = tpdu[7] & 0xff;
        int value = (tpdu[11] & 0xff) | (tpdu[12] & 0xff) << 8 | (tpdu[13] & 0xff) << 16 | (tpdu[14] & 0xff) << 24;
        if (type == TYPE_NEG_FAILURE) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The RDP server at " + where
                    + " refused TLS and NLA (negotiation failure code " + value + "): " + STANDARD_ONLY_REMEDY);
        }
        if (type != TYPE_NEG_RSP || (value & (PROTOCOL_SSL | PROTOCOL_HYBRID)) == 0) {
            throw standardSecurityOnly(where);
        }
    }

    private static final String STANDARD_ONLY_REMEDY = "Airlock needs a server certificate to pin. Enable TLS or "
            + "Network Level Authentication on the equipment.";

    private static ConnectorException standardSecurityOnly(String where) {
        return new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The RDP server at " + where
                + " offers only Standard RDP Security, which cannot prove the server's identity. "
                + STANDARD_ONLY_REMEDY);
    }

    private static X509Certificate handshake(Socket socket, ConnectionTarget target)
            throws IOException, ConnectorException {
        try {
            var context = SSLContext.getInstance("TLS");
            // Anything is accepted here: the fingerprint decides, against the pin, before credentials are sent.
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            try (var tls = (SSLSocket) context.getSocketFactory().createSocket(socket, target.host(), target.port(),
                    false)) {
                tls.startHandshake();
                Certificate[] chain = tls.getSession().getPeerCertificates();
                if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                    throw new EOFException("no server certificate");
                }
                return leaf;
            }
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The TLS handshake with the RDP "
                    + "server at " + target.host() + ":" + target.port() + " failed: " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate certificate) throws ConnectorException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "sha256:" + HexFormat.ofDelimiter(":").formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The RDP server's certificate could not be read: " + e.getMessage(), e);
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // the gateway is the client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // compared with the pin by the caller
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
