package io.airlock.server.session;

import io.airlock.server.asset.Protocol;

/**
 * Everything decided when a user asked to open a session, carried by the ticket into the tunnel.
 *
 * @param askCredentials the session window asks the user for the credentials to sign in with
 * @param storedUsername the access method's username, if it has one; otherwise the user types it
 */
record Launch(long userId, String username, String clientAddress, long groupId, String groupName, long assetId,
        String assetName, long methodId, Protocol protocol, String host, int port, boolean enforceRecording,
        boolean askCredentials, String storedUsername) {
}
