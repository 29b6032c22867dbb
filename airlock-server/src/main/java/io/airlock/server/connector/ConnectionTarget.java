package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;

/**
 * Where and as whom to connect. The secret is the opened credential; it lives only as long as the
 * connection attempt and never appears in {@link #toString()}.
 *
 * @param hostKeys decides about an SSH host key; unused by other protocols
 */
public record ConnectionTarget(String host, int port, String username, CredentialKind credentialKind, String secret,
        HostKeyPolicy hostKeys) {

    /** Trust-on-first-use pinning of SSH host keys. */
    public interface HostKeyPolicy {
        /** Returns true to accept {@code fingerprint}; false refuses the connection. */
        boolean accept(String fingerprint);
    }

    @Override
    public String toString() {
        return "ConnectionTarget[" + username + "@" + host + ":" + port + ", credential=" + credentialKind + "]";
    }
}
