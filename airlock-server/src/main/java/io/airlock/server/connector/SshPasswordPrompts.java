package io.airlock.server.connector;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Answers SSH keyboard-interactive prompts with the password, for equipment that offers no other way to sign in
 * with one: a hidden prompt gets the password, a visible one that asks for the user name gets the user name.
 * Anything else (a one-time code, a second hidden prompt) is not answered, and the password is given at most once,
 * so a wrong one costs one failed attempt and not a lockout.
 */
final class SshPasswordPrompts implements UserInteraction {

    private static final Pattern ASKS_USERNAME = Pattern.compile("user|login|name", Pattern.CASE_INSENSITIVE);

    private final String username;
    private final String password;
    private final AtomicBoolean answered = new AtomicBoolean();

    SshPasswordPrompts(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompt,
            boolean[] echo) {
        return answers(prompt, echo);
    }

    /** The answers in prompt order, or null to decline the challenge. */
    String[] answers(String[] prompt, boolean[] echo) {
        String[] answers = new String[prompt.length];
        int hidden = 0;
        for (int i = 0; i < prompt.length; i++) {
            if (!echo[i]) {
                answers[i] = password;
                hidden++;
            } else if (ASKS_USERNAME.matcher(prompt[i]).find()) {
                answers[i] = username;
            } else {
                return null;
            }
        }
        if (hidden != 1 || answered.getAndSet(true)) {
            return null;
        }
        return answers;
    }

    /** The equipment wants a new password: the gateway never changes it on the equipment's say-so. */
    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null;
    }

    @Override
    public String toString() {
        return "SshPasswordPrompts[" + username + "]";
    }
}
