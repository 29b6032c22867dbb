package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * suppress-go-ahead, and — when credentials are stored — answers the equipment's login and password
 * prompts on the user's behalf.
 */
@Component
class TelnetConnector implements Connector {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

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
        if (target.credentialKind() == CredentialKind.PASSWORD && target.username() != null) {
            return new AutoLogin(connection, target.username(), target.secret());
        }
        return connection;
    }

    /**
     * Watches the first output for a login prompt and then a password prompt and answers them. The
     * user still sees everything the equipment prints; the password is never echoed back by a login
     * program. Gives up quietly after {@link #WATCH_LIMIT} bytes, leaving the user at whatever prompt is
     * there.
     */
    static final class AutoLogin implements RemoteConnection {
        static final int WATCH_LIMIT = 64 * 1024;

        private final RemoteConnection delegate;
        private final byte[] username;
        private final byte[] password;
        private final InputStream watched;
        private final StringBuilder tail = new StringBuilder();
        private int seen;
        private int step; // 0: waiting for login prompt, 1: waiting for password prompt, 2: done

        AutoLogin(RemoteConnection delegate, String username, String password) {
            this.delegate = delegate;
            this.username = (username + "\r\n").getBytes(StandardCharsets.UTF_8);
            this.password = (password + "\r\n").getBytes(StandardCharsets.UTF_8);
            this.watched = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = delegate.output().read(b, off, len);
                    if (n > 0 && step < 2) {
                        watch(b, off, n);
                    }
                    return n;
                }

                @Override
                public int available() throws IOException {
                    return delegate.output().available();
                }
            };
        }

        private void watch(byte[] b, int off, int n) throws IOException {
            seen += n;
            tail.append(new String(b, off, n, StandardCharsets.ISO_8859_1));
            if (tail.length() > 256) {
                tail.delete(0, tail.length() - 256);
            }
            String recent = tail.toString().toLowerCase(java.util.Locale.ROOT).stripTrailing();
            if (step == 0 && (recent.endsWith("login:") || recent.endsWith("username:"))) {
                delegate.write(username, 0, username.length);
                step = 1;
                tail.setLength(0);
            } else if (step == 1 && recent.endsWith("password:")) {
                delegate.write(password, 0, password.length);
                step = 2;
                java.util.Arrays.fill(password, (byte) 0);
            }
            if (seen > WATCH_LIMIT) {
                step = 2;
            }
        }

        @Override
        public InputStream output() {
            return watched;
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            delegate.write(data, offset, length);
        }

        @Override
        public void resize(int columns, int rows) throws IOException {
            delegate.resize(columns, rows);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
