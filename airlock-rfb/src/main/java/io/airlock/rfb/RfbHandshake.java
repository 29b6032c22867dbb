package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The client side of an RFB handshake, top to bottom (RFC 6143 sections 7.1 to 7.3): version, security
 * type (None, or VNC Authentication when a password is given), ClientInit, ServerInit.
 */
public final class RfbHandshake {

    private RfbHandshake() {
    }

    /**
     * Runs the handshake.
     *
     * @param password the VNC password; empty to ask for security type None
     * @param shared whether other clients may stay connected to the desktop
     * @return the server's ServerInit; its messages follow on {@code in}
     * @throws RfbException with {@link RfbException.Reason#AUTHENTICATION_FAILED} when the server refused
     *     the password (with its reason from 3.8 on, such as too many attempts), or
     *     {@link RfbException.Reason#CONNECTION_FAILED} when it offers no security type this client can use
     */
    public static ServerInit connect(InputStream in, OutputStream out, Optional<String> password, boolean shared)
            throws IOException {
        ProtocolVersion version = ProtocolVersion.read(in).clientAnswer();
        out.write(version.toBanner());
        out.flush();
        SecurityTypeOffer offer = SecurityTypeOffer.read(in, version);
        SecurityType type = password.isPresent() ? SecurityType.VNC_AUTH : SecurityType.NONE;
        if (!offer.offers(type)) {
            throw new RfbException(RfbException.Reason.CONNECTION_FAILED, "server offers security types "
                    + offer.types() + " but not " + type + (password.isPresent() ? "" : "; it may need a password"));
        }
        if (!offer.chosenByServer()) {
            out.write(type.code());
            out.flush();
        }
        if (password.isPresent()) {
            out.write(VncAuth.response(password.get(), VncAuth.readChallenge(in)));
            out.flush();
        }
        // A 3.3 (and 3.7) server sends no result after security type None.
        if (password.isPresent() || version.isAtLeast(ProtocolVersion.V3_8)) {
            SecurityResult.read(in, version).orThrow();
        }
        out.write(ClientMessages.clientInit(shared));
        out.flush();
        return ServerInit.read(in);
    }
}
