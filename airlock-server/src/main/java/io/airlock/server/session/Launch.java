package io.airlock.server.session;

import io.airlock.server.asset.Protocol;

/** Everything decided when a user asked to open a session, carried by the ticket into the tunnel. */
record Launch(long userId, String username, String clientAddress, long groupId, String groupName, long assetId,
        String assetName, long methodId, Protocol protocol, String host, int port, boolean enforceRecording) {
}
