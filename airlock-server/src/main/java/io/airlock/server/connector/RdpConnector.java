package io.airlock.server.connector;

import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.server.asset.Protocol;
import io.airlock.server.config.DataDirectory;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * RDP through the VNC relay: per session an {@code Xvnc} on a private unix socket with {@code xfreerdp} inside
 * it signed in to the equipment, and the session window served the Xvnc screen exactly as a VNC session is.
 * The server certificate is pinned per access method like an SSH host key, checked by the gateway itself
 * before xfreerdp (which then accepts only that certificate) is given the password. Every process it starts
 * ends with its session, or with the gateway.
 */
@Component
class RdpConnector implements Connector, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RdpConnector.class);

    /** Signing in, licensing and the first screen; a wrong password ends much sooner. */
    static final Duration SIGN_IN_TIMEOUT = Duration.ofSeconds(30);
    static final int MIN_WIDTH = 640;
    static final int MIN_HEIGHT = 480;
    static final int MAX_WIDTH = 3840;
    static final int MAX_HEIGHT = 2160;
    /** Unix socket paths are limited to 108 bytes; longer data directories use the system's temporary one. */
    private static final int MAX_SOCKET_PATH = 100;
    static final String PACKAGES = "tigervnc-standalone-server and freerdp2-x11";

    private final Path parent;
    /** Where the programs are looked for: the gateway's PATH. */
    private final String searchPath;
    private final Set<RdpDesktop> open = ConcurrentHashMap.newKeySet();
    /** Where sessions' directories go when the data directory's path is too long for a unix socket. */
    private Path shortParent;

    @Autowired
    RdpConnector(DataDirectory data) {
        this(data.privateDirectory("rdp"));
        unavailable().ifPresent(log::warn);
    }

    RdpConnector(Path parent) {
        this(parent, System.getenv("PATH"));
    }

    RdpConnector(Path parent, String searchPath) {
        this.parent = parent;
        this.searchPath = searchPath;
    }

    @Override
    public Protocol protocol() {
        return Protocol.RDP;
    }

    @Override
    public Optional<String> unavailable() {
        for (String program : new String[] {"Xvnc", "xfreerdp", "stdbuf"}) {
            if (!onPath(program, searchPath)) {
                return Optional.of("RDP sessions cannot open on this gateway: the program " + program + " is "
                        + "missing. An administrator must install " + PACKAGES + " on the gateway host "
                        + "(apt-get install tigervnc-standalone-server freerdp2-x11).");
            }
        }
        return Optional.empty();
    }

    @Override
    public RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, missing.get());
        }
        if (target.username() == null || target.username().isBlank()) {
            throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                    "No username is configured for this RDP access method; ask an administrator to set one.");
        }
        String fingerprint = pinnedCertificate(target);
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns)) & ~1;
        int height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, rows)) & ~1;
        RdpDesktop desktop = null;
        try {
            desktop = RdpDesktop.startXvnc(workDirectory(), width, height);
            open.add(desktop);
            int display = desktop.awaitDisplay();
            desktop.startClient(display, target, fingerprint, width, height);
            int exit = desktop.awaitActive(SIGN_IN_TIMEOUT);
            if (exit != -1) {
                throw RdpExit.failure(exit, desktop.endedInNla(), target, desktop.clientLog());
            }
            return relay(desktop);
        } catch (ConnectorException e) {
            end(desktop);
            throw e;
        } catch (IOException e) {
            log.warn("The RDP desktop for {}:{} could not start: {}", target.host(), target.port(), e.toString());
            end(desktop);
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR, "The gateway could not start "
                    + "the desktop for this RDP session (" + e.getMessage() + "). Ask an administrator to look at "
                    + "the gateway's log.", e);
        } catch (InterruptedException e) {
            end(desktop);
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Reason.PROTOCOL_ERROR,
                    "The RDP session was cancelled while it opened.", e);
        } catch (RuntimeException e) {
            end(desktop);
            throw e;
        }
    }

    /** Trust on first use, then only the pinned certificate; decided before any credential is sent. */
    private static String pinnedCertificate(ConnectionTarget target) throws ConnectorException {
        String presented = RdpCertificateProbe.fingerprint(target);
        String pinned = target.hostKeys().pinned();
        if (pinned != null && pinned.equals(presented)) {
            return presented;
        }
        if (pinned == null && target.hostKeys().pin(presented)) {
            return presented;
        }
        target.hostKeys().pin(presented); // kept for an admin's review; the pinned certificate stays
        throw certificateChanged(target, pinned, presented);
    }

    static ConnectorException certificateChanged(ConnectionTarget target, String pinned, String presented) {
        return new ConnectorException(ConnectorException.Reason.HOST_KEY_CHANGED, "The RDP server at "
                + target.host() + ":" + target.port() + " presented a different certificate (" + presented
                + ") than the one pinned for it (" + (pinned == null ? "pinned by another session a moment ago"
                        : pinned) + "). The connection was refused: an administrator must review and accept the new "
                + "certificate under Access Management → Assets.");
    }

    /** The Xvnc screen as a VNC connection; the session ends when either program does. */
    private RemoteConnection relay(RdpDesktop desktop) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(desktop.socket()));
        try {
            var in = new BufferedInputStream(new EndsWhenClosed(Channels.newInputStream(channel)), 64 * 1024);
            var out = Channels.newOutputStream(channel);
            ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
            var connection = new VncConnection(() -> {
                try {
                    channel.close();
                } finally {
                    end(desktop);
                }
            }, in, out, init);
            // A logoff on the remote desktop, or the RDP server going away, ends the session as the equipment
            // closing the connection.
            desktop.onEnd(connection::close);
            return connection;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The desktop's stream, which ends (rather than fails) when the session or the desktop closes it. */
    private static final class EndsWhenClosed extends FilterInputStream {
        EndsWhenClosed(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ClosedChannelException e) {
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ClosedChannelException e) {
                return -1;
            }
        }
    }

    private synchronized Path workDirectory() throws IOException {
        if (parent.resolve("s0123456789012345678/rfb").toString().length() <= MAX_SOCKET_PATH) {
            return parent;
        }
        if (shortParent == null) {
            shortParent = Files.createTempDirectory("airlock-rdp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return shortParent;
    }

    private void end(RdpDesktop desktop) {
        if (desktop != null && open.remove(desktop)) {
            desktop.close();
        }
    }

    /** Desktops still open; zero once every session has ended. */
    int openDesktops() {
        return open.size();
    }

    /** The gateway stops: no Xvnc or xfreerdp outlives it. */
    @Override
    public void destroy() {
        for (RdpDesktop desktop : Set.copyOf(open)) {
            end(desktop);
        }
        synchronized (this) {
            if (shortParent != null) {
                RdpDesktop.deleteTree(shortParent);
            }
        }
    }

    private static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
