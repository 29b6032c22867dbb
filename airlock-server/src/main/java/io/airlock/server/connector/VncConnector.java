package io.airlock.server.connector;

import io.airlock.rfb.RfbException;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.Protocol;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * VNC as a relay: the gateway signs in to the equipment with the stored (or typed) VNC password and then
 * plays an RFB server without authentication towards the session window, so the browser never learns the
 * password. Both directions pass message by message (see {@link BrowserRfbStream}).
 */
@Component
class VncConnector implements Connector {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the equipment may take over version, authentication and ServerInit. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public Protocol protocol() {
        return Protocol.VNC;
    }

    @Override
    public RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException {
        String where = target.host() + ":" + target.port();
        var socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            throw unreachable(target, where, e);
        }
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            var in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            Optional<String> password = target.credentialKind() == CredentialKind.PASSWORD && target.secret() != null
                    ? Optional.of(target.secret()) : Optional.empty();
            ServerInit init = RfbHandshake.connect(in, socket.getOutputStream(), password, true);
            socket.setSoTimeout(0);
            return new VncConnection(socket, in, init);
        } catch (RfbException e) {
            closeQuietly(socket);
            if (e.reason() == RfbException.Reason.AUTHENTICATION_FAILED) {
                throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                        "The VNC server at " + where + " refused the stored credentials (" + e.getMessage() + ").", e);
            }
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The VNC server at " + where + " could not be signed in to: " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The equipment at " + where
                    + " did not finish the VNC handshake within " + HANDSHAKE_TIMEOUT.toSeconds() + " s.", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The VNC connection to " + where + " failed: " + e.getMessage(), e);
        }
    }

    static ConnectorException unreachable(ConnectionTarget target, String where, IOException e) {
        return switch (e) {
            case UnknownHostException u -> new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The host name " + target.host() + " could not be resolved.", u);
            case SocketTimeoutException t -> new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s.", t);
            case ConnectException c -> new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " could not be reached (" + c.getMessage() + ").", c);
            case NoRouteToHostException n -> new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " could not be reached (" + n.getMessage() + ").", n);
            default -> new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " could not be reached (" + e.getMessage() + ").", e);
        };
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
