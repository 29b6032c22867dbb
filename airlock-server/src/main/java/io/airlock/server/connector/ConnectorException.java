package io.airlock.server.connector;

/**
 * Why a connection to equipment failed or ended, with a message fit to show the user in the session
 * window and to keep in the session history.
 */
public final class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for history and for tests. */
    public enum Reason {
        /** The equipment refused the stored credentials. */
        AUTH_FAILED,
        /** Nothing answered at the host and port, or it did not answer in time. */
        UNREACHABLE,
        /** The SSH host key differs from the pinned one; an admin must review it. */
        HOST_KEY_CHANGED,
        /** The equipment spoke something other than the expected protocol. */
        PROTOCOL_ERROR
    }

    private final Reason reason;

    public ConnectorException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ConnectorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
