package io.airlock.server.asset;

import io.airlock.server.connector.TelnetPrompts;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a terminal access method talks to its equipment: the character set its bytes are in and, for Telnet,
 * what automatic login looks for. A null prompt pattern stands for the gateway's default one.
 *
 * @param charsetName the JDK name of the equipment's character set, such as {@code IBM437}
 */
public record TerminalSettings(String charsetName, String usernamePrompt, String passwordPrompt,
        String successPrompt, String failurePrompt) {

    public static final TerminalSettings DEFAULTS = new TerminalSettings(StandardCharsets.UTF_8.name(), null, null,
            null, null);

    /**
     * The equipment's character set. A name this JVM does not know (a database moved to another runtime) falls
     * back to UTF-8 rather than making the access method unusable.
     */
    public Charset charset() {
        return Charset.isSupported(charsetName) ? Charset.forName(charsetName) : StandardCharsets.UTF_8;
    }

    /** The Telnet prompt patterns, each one not stored replaced by its default. */
    public TelnetPrompts telnetPrompts() {
        TelnetPrompts defaults = TelnetPrompts.DEFAULTS;
        return new TelnetPrompts(or(usernamePrompt, defaults.username()), or(passwordPrompt, defaults.password()),
                or(successPrompt, defaults.success()), or(failurePrompt, defaults.failure()));
    }

    private static String or(String stored, String fallback) {
        return stored == null ? fallback : stored;
    }
}
