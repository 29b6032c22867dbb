package io.airlock.server.connector;

import io.airlock.server.asset.Protocol;

/** Opens terminal connections for one protocol. Implementations are thread-safe singletons. */
public interface Connector {

    Protocol protocol();

    /**
     * Connects and signs in. Blocks for at most the connector's bounded timeouts.
     *
     * @throws ConnectorException with a reason and a message for the user when it cannot
     */
    RemoteConnection open(ConnectionTarget target, int columns, int rows) throws ConnectorException;
}
