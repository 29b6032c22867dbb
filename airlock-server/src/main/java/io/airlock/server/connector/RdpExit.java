package io.airlock.server.connector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What xfreerdp's exit code says about a session that did not open, in words for the user. */
final class RdpExit {

    private static final Logger log = LoggerFactory.getLogger(RdpExit.class);

    /** Neither connected nor ended within the sign-in time. */
    static final int TIMED_OUT = -2;

    private RdpExit() {
    }

    /**
     * @param endedInNla the server closed the connection while checking the credentials (Network Level
     *     Authentication): servers do that for a wrong password, and xfreerdp reports it as a transport failure
     */
    static ConnectorException failure(int exit, boolean endedInNla, ConnectionTarget target, String clientLog) {
        String where = target.host() + ":" + target.port();
        String refused = "The RDP server at " + where + " refused the stored credentials for user '"
                + target.username() + "'";
        if (exit == TIMED_OUT) {
            return new ConnectorException(ConnectorException.Reason.UNREACHABLE, "The RDP server at " + where
                    + " did not finish signing in within " + RdpConnector.SIGN_IN_TIMEOUT.toSeconds() + " s.");
        }
        ConnectorException.Reason reason = ConnectorException.Reason.AUTH_FAILED;
        String message = switch (exit) {
            case 132, 134, 154, 159 -> refused + ".";
            case 147 -> endedInNla ? refused + "." : null;
            case 135 -> refused + ": the account is locked out.";
            case 148, 149, 152 -> refused + ": the password has expired and must be changed on the equipment.";
            case 151 -> refused + ": the account is disabled.";
            case 157 -> refused + ": the account has expired.";
            case 144, 155, 156, 158 -> refused + ": the account may not sign in remotely (access denied).";
            default -> null;
        };
        if (message == null) {
            reason = switch (exit) {
                case 131, 133, 139, 140, 141, 147, 150 -> ConnectorException.Reason.UNREACHABLE;
                case 143 -> ConnectorException.Reason.HOST_KEY_CHANGED;
                default -> ConnectorException.Reason.PROTOCOL_ERROR;
            };
            message = switch (exit) {
                case 139, 140 -> "The host name " + target.host() + " could not be resolved.";
                case 131, 133, 141, 147, 150 -> "The RDP server at " + where + " could not be reached or closed the "
                        + "connection before the sign-in (xfreerdp exit code " + exit + ").";
                case 143 -> "The RDP server at " + where + " presented a certificate other than the one pinned for "
                        + "it while signing in. The connection was refused: open the session again to compare them.";
                case 0, 1, 2, 11, 12 -> "The RDP server at " + where + " ended the connection while signing in.";
                default -> "The RDP connection to " + where + " failed (xfreerdp exit code " + exit + ").";
            };
        }
        log.info("xfreerdp to {} exited with {}; its last lines:\n{}", where, exit, clientLog);
        return new ConnectorException(reason, message);
    }
}
