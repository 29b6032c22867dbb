package io.airlock.server.connector;

import io.airlock.server.asset.Protocol;
import java.util.Optional;

/** Opens terminal connections for one protocol. Implementations are thread-safe singletons. */
public interface Connector {

    Protocol protocol();

    /** Why this gateway cannot open sessions of this protocol at all (a missing program), said at launch. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Connects and signs in. Blocks for at most the connector's bounded timeouts. An RDP desktop takes the
     * session window's width and height in pixels as columns and rows.
     *
     * @throws ConnectorException with a reason and a message for the user when it cannot
     */
    RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException;
}
