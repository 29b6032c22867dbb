package io.airlock.server.asset;

import io.airlock.server.connector.TelnetPrompts;
import java.nio.charset.Charset;

/**
 * One way to reach an asset: protocol, port and optional stored credentials. The sealed credential is
 * only ever opened by the connector that signs in with it.
 *
 * @param hostKeyFingerprint the pinned SSH host key (SHA256:… form), null until first use
 * @param hostKeyPending a different key the equipment presented, waiting for an admin's decision
 * @param terminal the character set and Telnet prompt patterns of terminal sessions
 */
public record AccessMethod(long id, long assetId, Protocol protocol, int port, String username,
        CredentialKind credentialKind, String credentialSealed, String hostKeyFingerprint, String hostKeyPending,
        TerminalSettings terminal) {

    /** The vault context that binds this method's sealed credential to it. */
    public String credentialContext() {
        return credentialContext(id);
    }

    /** {@return the vault context the credential of access method {@code id} is sealed under} */
    public static String credentialContext(long id) {
        return "access-method:" + id + ":credential";
    }

    /** The character set the equipment speaks. */
    public Charset charset() {
        return terminal.charset();
    }

    /** How Telnet automatic login recognises this equipment's prompts, defaults filled in. */
    public TelnetPrompts telnetPrompts() {
        return terminal.telnetPrompts();
    }

    @Override
    public String toString() {
        return "AccessMethod[id=" + id + ", assetId=" + assetId + ", protocol=" + protocol + ", port=" + port
                + ", username=" + username + ", credential=" + credentialKind + ", charset=" + terminal.charsetName()
                + "]";
    }
}
