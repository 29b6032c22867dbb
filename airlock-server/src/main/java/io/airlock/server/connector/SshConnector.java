package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.Protocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.PropertyResolverUtils;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SSH through Apache MINA SSHD: connect, check the host key against the pin (pinning it on first use),
 * authenticate with the password (also at keyboard-interactive prompts) or key, open a shell with an
 * xterm-256color PTY. One client serves all sessions.
 */
@Component
class SshConnector implements Connector, DisposableBean {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(20);
    static final String TERM = "xterm-256color";

    /** Package-private so tests can narrow the authentication methods offered. */
    final SshClient client;

    SshConnector() {
        client = SshClient.setUpDefaultClient();
        // AES-GCM runs on the CPU's AES instructions through the JDK, where MINA's first choice (ChaCha20) is
        // plain Java: prefer it, and keep every other cipher for equipment that lacks it.
        var ciphers = new ArrayList<>(client.getCipherFactories());
        ciphers.sort(Comparator.comparing(cipher -> !cipher.getName().contains("gcm")));
        client.setCipherFactories(ciphers);
        // Keep-alives detect dead links through firewalls that silently drop idle connections.
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(30));
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 4);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, AUTH_TIMEOUT);
        // Idle sessions are normal (an operator watching a PLC); only keep-alive failures end them.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        // Only the credentials stored for the access method: never the gateway user's ~/.ssh keys or config.
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        // The verifier runs on MINA's I/O threads: it compares in memory, the database is asked before and after.
        client.setServerKeyVerifier((session, address, key) -> {
            var context = session.getConnectionContext();
            var check = context == null ? null : context.getAttribute(SshHostKeyCheck.KEY);
            return check != null && check.verify(KeyUtils.getFingerPrint(key));
        });
        // Keyboard-interactive prompts are answered by SshPasswordPrompts alone, which gives the password once.
        PropertyResolverUtils.updateProperty(client, UserInteraction.AUTO_DETECT_PASSWORD_PROMPT, false);
        client.start();
    }

    @Override
    public Protocol protocol() {
        return Protocol.SSH;
    }

    @Override
    public RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException {
        if (target.username() == null) {
            throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                    "No username is configured for this SSH access method; ask an administrator to set one.");
        }
        var hostKey = new SshHostKeyCheck(target.hostKeys().pinned());
        ClientSession session = null;
        try {
            ConnectFuture future = client.connect(target.username(), target.host(), target.port(),
                    AttributeRepository.ofKeyValuePair(SshHostKeyCheck.KEY, hostKey), null);
            future.verify(CONNECT_TIMEOUT);
            session = future.getSession();
            awaitKeyExchange(session, target, hostKey);
            pinOnFirstUse(target, hostKey);
            addIdentity(session, target);
            session.auth().verify(AUTH_TIMEOUT);
            ChannelShell shell = session.createShellChannel();
            shell.setPtyType(TERM);
            shell.setPtyColumns(columns);
            shell.setPtyLines(rows);
            shell.setRedirectErrorStream(true);
            shell.open().verify(CONNECT_TIMEOUT);
            return new SshConnection(session, shell);
        } catch (ConnectorException e) {
            closeQuietly(session);
            throw e;
        } catch (IOException e) {
            closeQuietly(session);
            throw translate(e, target);
        } catch (GeneralSecurityException e) {
            closeQuietly(session);
            throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                    "The stored SSH private key could not be read; ask an administrator to store it again.", e);
        }
    }

    /** Waits until the keys are exchanged and nothing is authenticated yet; a refused host key ends here. */
    private static void awaitKeyExchange(ClientSession session, ConnectionTarget target, SshHostKeyCheck hostKey)
            throws ConnectorException {
        Set<ClientSessionEvent> state = session.waitFor(
                EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.CLOSED), CONNECT_TIMEOUT);
        if (state.contains(ClientSessionEvent.WAIT_AUTH) && !state.contains(ClientSessionEvent.CLOSED)) {
            return;
        }
        String where = target.host() + ":" + target.port();
        if (hostKey.rejected() != null) {
            target.hostKeys().pin(hostKey.rejected()); // kept for an admin's review; the pinned key stays
            throw hostKeyChanged(where, hostKey.rejected());
        }
        if (state.contains(ClientSessionEvent.TIMEOUT)) {
            throw new ConnectorException(ConnectorException.Reason.UNREACHABLE, "The equipment at " + where
                    + " did not complete the SSH key exchange within " + CONNECT_TIMEOUT.toSeconds() + " s.");
        }
        throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                "The equipment at " + where + " closed the SSH connection during the key exchange.");
    }

    /** Trust on first use, decided on this thread before any credential leaves the gateway. */
    private static void pinOnFirstUse(ConnectionTarget target, SshHostKeyCheck hostKey) throws ConnectorException {
        if (!hostKey.provisional()) {
            return;
        }
        String presented = hostKey.presented();
        if (presented == null || !target.hostKeys().pin(presented)) {
            // Another connection pinned a different key a moment before this one.
            throw hostKeyChanged(target.host() + ":" + target.port(), presented);
        }
        hostKey.confirm(presented);
    }

    private static ConnectorException hostKeyChanged(String where, String presented) {
        return new ConnectorException(ConnectorException.Reason.HOST_KEY_CHANGED,
                "The equipment at " + where + " presented a different SSH host key (" + presented
                        + ") than the one pinned for it. The connection was refused: an administrator must review "
                        + "and accept the new key under Access Management → Assets.");
    }

    private static void addIdentity(ClientSession session, ConnectionTarget target)
            throws IOException, GeneralSecurityException {
        if (target.credentialKind() == CredentialKind.PASSWORD) {
            session.addPasswordIdentity(target.secret());
            session.setUserInteraction(new SshPasswordPrompts(target.username(), target.secret()));
        } else if (target.credentialKind() == CredentialKind.PRIVATE_KEY) {
            Iterable<KeyPair> keys = SecurityUtils.getKeyPairResourceParser().loadKeyPairs(null,
                    NamedResource.ofName("stored key"), FilePasswordProvider.EMPTY, target.secret());
            if (keys == null || !keys.iterator().hasNext()) {
                throw new GeneralSecurityException("no key in the stored text");
            }
            for (KeyPair key : keys) {
                session.addPublicKeyIdentity(key);
            }
        }
    }

    private static ConnectorException translate(IOException e, ConnectionTarget target) {
        String where = target.host() + ":" + target.port();
        Throwable root = rootCause(e);
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " could not be reached (" + root.getMessage() + ").", e);
        }
        if (root instanceof UnknownHostException) {
            return new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The host name " + target.host() + " could not be resolved.", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("No more authentication methods") || message.contains("authentication")
                || (e instanceof SshException && message.toLowerCase(java.util.Locale.ROOT).contains("auth"))) {
            return new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                    "The equipment at " + where + " refused the stored credentials for user '" + target.username()
                            + "'.", e);
        }
        if (message.contains("timeout") || message.contains("Timeout") || message.contains("timed out")) {
            return new ConnectorException(ConnectorException.Reason.UNREACHABLE,
                    "The equipment at " + where + " did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s.", e);
        }
        return new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                "The SSH connection to " + where + " failed: " + message, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root;
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }

    @Override
    public void destroy() {
        client.stop();
    }

    private static final class SshConnection extends StreamConnection {
        private final ClientSession session;
        private final ChannelShell shell;

        SshConnection(ClientSession session, ChannelShell shell) {
            super(shell.getInvertedOut(), shell.getInvertedIn());
            this.session = session;
            this.shell = shell;
        }

        @Override
        public void resize(int columns, int rows) throws IOException {
            shell.sendWindowChange(columns, rows);
        }

        @Override
        public void close() {
            shell.close(false);
            session.close(true);
        }
    }
}
