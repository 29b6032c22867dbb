package io.airlock.server.access;

/** Password rules, after NIST SP 800-63B: length matters, composition rules do not. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Returns a message describing what is wrong, or null when the password is acceptable. */
    static String problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "At least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > MAX_LENGTH) {
            return "At most " + MAX_LENGTH + " characters.";
        }
        if (password.isBlank()) {
            return "A password cannot be only spaces.";
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return "The password cannot be the username.";
        }
        return null;
    }
}
