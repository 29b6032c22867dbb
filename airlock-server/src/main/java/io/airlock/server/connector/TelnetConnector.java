package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.Protocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;
import org.apache.commons.net.telnet.WindowSizeOptionHandler;
import org.springframework.stereotype.Component;

/**
 * Telnet through Apache Commons Net: negotiates terminal type, window size (NAWS), echo and
 * suppress-go-ahead, and — when a password is stored or typed for this session — answers the
 * equipment's login prompts on the user's behalf as the target's prompt patterns describe them.
 */
@Component
class TelnetConnector implements Connector {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long automatic login may take before the user gets the connection at whatever prompt it shows. */
    static final Duration LOGIN_BOUND = Duration.ofSeconds(15);

    private final Duration loginBound;

    TelnetConnector() {
        this(LOGIN_BOUND);
    }

    TelnetConnector(Duration loginBound) {
        this.loginBound = loginBound;
    }

    @Override
    public Protocol protocol() {
        return Protocol.TELNET;
    }

    @Override
    public RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException {
        var telnet = new TelnetClient(SshConnector.TERM);
        String where = target.host() + ":" + target.port();
        try {
            telnet.addOptionHandler(new TerminalTypeOptionHandler(SshConnector.TERM, false, false, true, false));
            telnet.addOptionHandler(new EchoOptionHandler(false, false, true, false));
            telnet.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
            telnet.addOptionHandler(new WindowSizeOptionHandler(columns, rows, true, false, true, false));
            telnet.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            telnet.connect(target.host(), target.port());
        } catch (ConnectException | NoRouteToHostException e) {
            throw new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " could not be reached (" + e.getMessage() + ").", e);
        } catch (UnknownHostException e) {
            throw new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The host name " + target.host() + " could not be resolved.", e);
        } catch (SocketTimeoutException e) {
            throw new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s.", e);
        } catch (IOException | InvalidTelnetOptionException e) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The Telnet connection to " + where + " failed: " + e.getMessage(), e);
        }
        var connection = new TelnetConnection(telnet);
        if (target.credentialKind() == CredentialKind.PASSWORD && target.secret() != null) {
            return TelnetLogin.signIn(connection, target, loginBound);
        }
        return connection;
    }
}
