package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where and as whom to connect. The secret is the opened credential; it lives only as long as the
 * connection attempt and never appears in {@link #toString()}.
 *
 * @param hostKeys decides about an SSH host key; unused by other protocols
 * @param charset the equipment's character set, decoded for the browser and the recording alike
 * @param telnetPrompts how Telnet automatic login recognises prompts; unused by other protocols
 */
public record ConnectionTarget(String host, int port, String username, CredentialKind credentialKind, String secret,
        HostKeyPolicy hostKeys, Charset charset, TelnetPrompts telnetPrompts) {

    /** A target on UTF-8 equipment with the default Telnet prompts. */
    public ConnectionTarget(String host, int port, String username, CredentialKind credentialKind, String secret,
            HostKeyPolicy hostKeys) {
        this(host, port, username, credentialKind, secret, hostKeys, StandardCharsets.UTF_8, TelnetPrompts.DEFAULTS);
    }

    /**
     * Trust-on-first-use pinning of SSH host keys, asked only on the connecting thread: the connector reads
     * {@link #pinned()} before it connects and compares the presented key in memory during the key exchange
     * (on the SSH library's I/O threads, where nothing may block); {@link #pin} follows the key exchange and
     * comes before any credential is sent.
     */
    @FunctionalInterface
    public interface HostKeyPolicy {

        /**
         * Offers the key the equipment presented: pins it when no key is pinned yet. Returns true when it is the
         * pinned key now; false when another key is pinned, which refuses the connection (the policy may keep
         * the presented key for an admin's review). Also offered a key that differs from {@link #pinned()}, so
         * that it is kept too. May block.
         */
        boolean pin(String fingerprint);

        /** The key pinned before this connection, or null when none is: the presented key then goes to {@link #pin}. */
        default String pinned() {
            return null;
        }

        /** A policy that knows the key pinned so far and leaves first use to {@code firstUse}. */
        static HostKeyPolicy pinnedTo(String pinned, HostKeyPolicy firstUse) {
            return new HostKeyPolicy() {
                @Override
                public boolean pin(String fingerprint) {
                    return firstUse.pin(fingerprint);
                }

                @Override
                public String pinned() {
                    return pinned;
                }
            };
        }
    }

    @Override
    public String toString() {
        return "ConnectionTarget[" + username + "@" + host + ":" + port + ", credential=" + credentialKind + ", charset="
                + charset + "]";
    }
}
