package io.airlock.server.connector;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What to answer at a Telnet login, decided from what the equipment printed since the last answer:
 * the username at the username prompt, the password at the password prompt, then whether the
 * equipment let the user in. Feeds on the equipment's output and says what of it may be shown: from
 * the moment the password is sent until the verdict, an echo of the password is not.
 */
final class LoginDialogue {

    /** What the caller does next. */
    enum Step {
        /** Nothing yet: keep reading. */
        READ_ON,
        SEND_USERNAME,
        SEND_PASSWORD,
        /** The equipment shows what its success pattern describes: the user is in. */
        SIGNED_IN,
        /** The equipment printed its failure text or asked for the password again. */
        REFUSED,
        /** The equipment asks for a username none is stored for: the user answers it. */
        USER_ANSWERS
    }

    /** What may be shown of the bytes just read, and the step they lead to. */
    record Reply(byte[] shown, Step step) {}

    private enum Phase { USERNAME_PROMPT, PASSWORD_PROMPT, VERDICT, DONE }

    /** Prompts and verdicts are short and come last; a longer tail only costs matching time. */
    static final int TAIL_LIMIT = 2048;

    private final Pattern usernamePrompt;
    private final Pattern passwordPrompt;
    private final Pattern success;
    private final Pattern failure;
    private final boolean knowsUsername;
    private final Charset charset;
    private final PasswordEchoFilter echo;
    private byte[] tail = new byte[0];
    private Phase phase = Phase.USERNAME_PROMPT;

    LoginDialogue(TelnetPrompts prompts, boolean knowsUsername, byte[] password, Charset charset) {
        this.usernamePrompt = compile(prompts.username());
        this.passwordPrompt = compile(prompts.password());
        this.success = compile(prompts.success());
        this.failure = compile(prompts.failure());
        this.knowsUsername = knowsUsername;
        this.charset = charset;
        this.echo = new PasswordEchoFilter(password);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    Reply accept(byte[] data, int offset, int length) {
        if (phase == Phase.DONE) {
            return new Reply(Arrays.copyOfRange(data, offset, offset + length), Step.READ_ON);
        }
        byte[] shown = phase == Phase.VERDICT ? echo.filter(data, offset, length)
                : Arrays.copyOfRange(data, offset, offset + length);
        remember(shown);
        Step step = decide(tailText());
        switch (step) {
            case SEND_USERNAME -> advance(Phase.PASSWORD_PROMPT);
            case SEND_PASSWORD -> advance(Phase.VERDICT);
            case SIGNED_IN, REFUSED, USER_ANSWERS -> shown = finish(shown);
            case READ_ON -> {
                // the prompt or verdict has not arrived yet
            }
        }
        return new Reply(shown, step);
    }

    /**
     * Stops answering prompts: the user has the connection. A password already sent stays hidden until
     * the caller stops feeding output.
     */
    void stopAnswering() {
        if (phase != Phase.VERDICT) {
            phase = Phase.DONE;
        }
    }

    /** Returns what is still held back as a possible echo, and forgets the password. */
    byte[] end() {
        byte[] rest = echo.release();
        echo.forget();
        phase = Phase.DONE;
        return rest;
    }

    private Step decide(String text) {
        return switch (phase) {
            case USERNAME_PROMPT -> {
                // Equipment that asks only for a password gets it straight away.
                if (passwordPrompt.matcher(text).find()) {
                    yield Step.SEND_PASSWORD;
                }
                if (usernamePrompt.matcher(text).find()) {
                    yield knowsUsername ? Step.SEND_USERNAME : Step.USER_ANSWERS;
                }
                yield Step.READ_ON;
            }
            case PASSWORD_PROMPT -> {
                if (failure.matcher(text).find()) {
                    yield Step.REFUSED;
                }
                yield passwordPrompt.matcher(text).find() ? Step.SEND_PASSWORD : Step.READ_ON;
            }
            case VERDICT -> {
                // Asking for the password again is a refusal without words. The username prompt is not
                // taken as one: "Last login:" ends a read often enough to look like it.
                if (failure.matcher(text).find() || passwordPrompt.matcher(text).find()) {
                    yield Step.REFUSED;
                }
                yield success.matcher(text).find() ? Step.SIGNED_IN : Step.READ_ON;
            }
            case DONE -> Step.READ_ON;
        };
    }

    private void advance(Phase next) {
        phase = next;
        tail = new byte[0]; // the prompt just answered must not be matched again
    }

    private byte[] finish(byte[] shown) {
        return concat(shown, end());
    }

    private void remember(byte[] shown) {
        byte[] joined = concat(tail, shown);
        tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - TAIL_LIMIT), joined.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private String tailText() {
        return new String(tail, charset);
    }
}
