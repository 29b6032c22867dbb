package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The security types a server allows after the version handshake (RFC 6143 section 7.1.2).
 *
 * <p>From 3.7 on the server lists the types and the client answers with the one it picks. A 3.3
 * server picks a single type itself and expects no answer; {@link #chosenByServer()} tells the two
 * apart.
 *
 * @param types the types in the server's order of preference, never empty
 * @param chosenByServer true for a 3.3 server, which has already decided and must not be answered
 */
public record SecurityTypeOffer(List<SecurityType> types, boolean chosenByServer) {

    public SecurityTypeOffer {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a security type offer names at least one type");
        }
        if (chosenByServer && types.size() != 1) {
            throw new IllegalArgumentException("a server that chooses names exactly one type, not " + types);
        }
    }

    /**
     * Reads the offer that follows the version handshake.
     *
     * @param version the version the client answered, which decides the message layout
     * @throws RfbException with {@link RfbException.Reason#CONNECTION_FAILED} carrying the server's
     *     reason when it offers no types, or {@link RfbException.Reason#MALFORMED_MESSAGE}
     */
    public static SecurityTypeOffer read(InputStream in, ProtocolVersion version) throws IOException {
        if (!version.isAtLeast(ProtocolVersion.V3_7)) {
            long chosen = RfbInput.readU32(in, "the security type chosen by the server");
            if (chosen == 0) {
                throw refused(in);
            }
            if (chosen > 255) {
                throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                        "server chose security type " + chosen + ", but types are 1 to 255");
            }
            return new SecurityTypeOffer(List.of(new SecurityType((int) chosen)), true);
        }
        int count = RfbInput.readU8(in, "the number of security types");
        if (count == 0) {
            throw refused(in);
        }
        byte[] codes = RfbInput.readExactly(in, count, "the list of security types");
        List<SecurityType> types = new ArrayList<>(count);
        for (byte code : codes) {
            if (code == 0) {
                throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                        "server listed security type 0, which is not a type");
            }
            types.add(new SecurityType(code & 0xff));
        }
        return new SecurityTypeOffer(types, false);
    }

    public boolean offers(SecurityType type) {
        return types.contains(type);
    }

    private static RfbException refused(InputStream in) throws IOException {
        String reason = RfbInput.readReasonString(in, "the reason the server refused the connection");
        return new RfbException(RfbException.Reason.CONNECTION_FAILED, "server refused the connection: " + reason);
    }
}
