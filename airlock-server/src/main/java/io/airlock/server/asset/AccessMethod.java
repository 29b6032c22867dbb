package io.airlock.server.asset;

/**
 * One way to reach an asset: protocol, port and optional stored credentials. The sealed credential is
 * only ever opened by the connector that signs in with it.
 *
 * @param hostKeyFingerprint the pinned SSH host key (SHA256:… form), null until first use
 * @param hostKeyPending a different key the equipment presented, waiting for an admin's decision
 */
public record AccessMethod(long id, long assetId, Protocol protocol, int port, String username,
        CredentialKind credentialKind, String credentialSealed, String hostKeyFingerprint, String hostKeyPending) {

    /** The vault context that binds this method's sealed credential to it. */
    public String credentialContext() {
        return "access-method:" + id + ":credential";
    }

    @Override
    public String toString() {
        return "AccessMethod[id=" + id + ", assetId=" + assetId + ", protocol=" + protocol + ", port=" + port
                + ", username=" + username + ", credential=" + credentialKind + "]";
    }
}
