package io.airlock.server.access;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a username may look like; one place so sign-in and user management agree. */
final class UsernameRules {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private UsernameRules() {
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Returns a message describing what is wrong, or null when the username is acceptable. */
    static String problem(String username) {
        String normalized = normalize(username);
        if (normalized.isEmpty()) {
            return "Enter a username.";
        }
        if (!ALLOWED.matcher(normalized).matches()) {
            return "2 to 64 characters: letters, digits, '.', '_', '@' or '-', starting with a letter or digit.";
        }
        return null;
    }
}
