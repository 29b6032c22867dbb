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

    /** Trust-on-first-use pinning of SSH host keys. */
    public interface HostKeyPolicy {
        /** Returns true to accept {@code fingerprint}; false refuses the connection. */
        boolean accept(String fingerprint);
    }

    @Override
    public String toString() {
        return "ConnectionTarget[" + username + "@" + host + ":" + port + ", credential=" + credentialKind + ", charset="
                + charset + "]";
    }
}
