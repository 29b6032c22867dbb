package io.airlock.server.connector;

import java.util.regex.Pattern;

/**
 * How Telnet automatic login recognises the equipment's prompts: each a regular expression matched
 * case-insensitively against the end of what the equipment printed last.
 *
 * @param username the prompt that asks for the user name
 * @param password the prompt that asks for the password
 * @param success text that shows the login worked (a shell or CLI prompt)
 * @param failure text that shows the equipment refused the credentials
 */
public record TelnetPrompts(String username, String password, String success, String failure) {

    /**
     * Prompts of Linux login, busybox, Cisco-style and most PLC consoles. The success prompt must end the
     * text (a banner line of {@code #####} is not a prompt); failure names a refusal, not any "invalid" in a
     * message of the day.
     */
    public static final TelnetPrompts DEFAULTS = new TelnetPrompts("(login|user ?name|user)\\s*:\\s*$",
            "password\\s*:\\s*$", "[$#>%] ?\\z", "(login incorrect|authentication failed|access denied|login invalid"
                    + "|invalid (password|login|user)|bad password)");

    public TelnetPrompts {
        for (String regex : new String[] {username, password, success, failure}) {
            Pattern.compile(regex); // a pattern that does not compile never reaches a connector
        }
    }
}
