package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The server's verdict on the security handshake (RFC 6143 section 7.1.3). It follows every
 * authentication; from 3.8 on it follows security type None too and carries a reason on failure.
 *
 * @param ok whether the server accepted the client
 * @param failureReason what a 3.8 server said when it refused, empty otherwise
 */
public record SecurityResult(boolean ok, Optional<String> failureReason) {

    public static final SecurityResult OK = new SecurityResult(true, Optional.empty());

    public SecurityResult {
        if (ok && failureReason.isPresent()) {
            throw new IllegalArgumentException("an accepted client has no failure reason");
        }
    }

    /**
     * Reads the result.
     *
     * @param version the version the client answered; only 3.8 sends a reason with a failure
     */
    public static SecurityResult read(InputStream in, ProtocolVersion version) throws IOException {
        long status = RfbInput.readU32(in, "the security result");
        if (status == 0) {
            return OK;
        }
        // RFC 6143 defines 1 as failed; some servers send other non-zero codes, which fail too.
        Optional<String> reason = version.isAtLeast(ProtocolVersion.V3_8)
                ? Optional.of(RfbInput.readReasonString(in, "the reason authentication failed"))
                : Optional.empty();
        return new SecurityResult(false, reason);
    }

    /** Throws {@link RfbException.Reason#AUTHENTICATION_FAILED} unless the server accepted the client. */
    public void orThrow() throws RfbException {
        if (!ok) {
            throw new RfbException(RfbException.Reason.AUTHENTICATION_FAILED,
                    "server rejected the authentication" + failureReason.map(r -> ": " + r).orElse(""));
        }
    }
}
