package io.airlock.rfb;

import java.io.IOException;
import java.util.Objects;

/**
 * A violation or refusal in an RFB exchange. It is an {@link IOException} because it always ends the
 * connection it came from; {@link #reason()} tells callers why without parsing the message.
 */
public final class RfbException extends IOException {

    /** Why an RFB exchange could not go on. */
    public enum Reason {
        /** The 12-byte {@code "RFB xxx.yyy\n"} greeting was not well formed. */
        MALFORMED_BANNER,
        /** The server speaks a protocol version this client cannot answer. */
        UNSUPPORTED_VERSION,
        /** The server refused the connection during the handshake and usually said why. */
        CONNECTION_FAILED,
        /** The server sent a message that breaks RFC 6143. */
        MALFORMED_MESSAGE,
        /** The server rejected the credentials. */
        AUTHENTICATION_FAILED,
        /** The connection closed in the middle of a message. */
        UNEXPECTED_END_OF_STREAM
    }

    private final Reason reason;

    public RfbException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
