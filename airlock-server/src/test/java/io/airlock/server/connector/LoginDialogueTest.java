package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.connector.LoginDialogue.Step;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoginDialogueTest {

    private static final byte[] PASSWORD = "s3cret".getBytes(StandardCharsets.UTF_8);

    private final LoginDialogue dialogue = new LoginDialogue(TelnetPrompts.DEFAULTS, true, PASSWORD,
            StandardCharsets.UTF_8);

    @Test
    void aUnixLoginIsAnsweredInTurnAndEndsAtTheShellPrompt() {
        assertThat(feed("Airlock telnet test peer\r\n").step()).isEqualTo(Step.READ_ON);
        assertThat(feed("gw login: ").step()).isEqualTo(Step.SEND_USERNAME);
        assertThat(feed("operator\r\n").step()).isEqualTo(Step.READ_ON);
        assertThat(feed("Password: ").step()).isEqualTo(Step.SEND_PASSWORD);
        assertThat(feed("\r\nLast login: Mon Jan  5 10:00:00 on pts/1\r\n").step()).isEqualTo(Step.READ_ON);
        assertThat(feed("operator@gw:~$ ").step()).isEqualTo(Step.SIGNED_IN);
    }

    @Test
    void promptsAreRecognisedWhateverTheirCase() {
        assertThat(feed("USERNAME:").step()).isEqualTo(Step.SEND_USERNAME);
        assertThat(feed("PASSWORD:").step()).isEqualTo(Step.SEND_PASSWORD);
    }

    @Test
    void theFailureTextIsARefusal() {
        signInUpToThePassword();
        assertThat(feed("\r\nLogin incorrect\r\ngw login: ").step()).isEqualTo(Step.REFUSED);
    }

    @Test
    void beingAskedForThePasswordAgainIsARefusal() {
        signInUpToThePassword();
        assertThat(feed("\r\nPassword: ").step()).isEqualTo(Step.REFUSED);
    }

    @Test
    void lastLoginEndingAReadIsNotTakenForANewUsernamePrompt() {
        signInUpToThePassword();
        assertThat(feed("\r\nLast login:").step()).isEqualTo(Step.READ_ON);
        assertThat(feed(" today\r\n# ").step()).isEqualTo(Step.SIGNED_IN);
    }

    @Test
    void equipmentAskingOnlyForAPasswordGetsIt() {
        assertThat(feed("\r\nUser Access Verification\r\n\r\nPassword: ").step()).isEqualTo(Step.SEND_PASSWORD);
    }

    @Test
    void aUsernamePromptWithNoStoredUsernameIsLeftToTheUser() {
        var passwordOnly = new LoginDialogue(TelnetPrompts.DEFAULTS, false, PASSWORD, StandardCharsets.UTF_8);
        byte[] prompt = "login: ".getBytes(StandardCharsets.UTF_8);

        assertThat(passwordOnly.accept(prompt, 0, prompt.length).step()).isEqualTo(Step.USER_ANSWERS);
    }

    @Test
    void thePasswordEchoedBackIsNotShownNorTakenForAPrompt() {
        var hashEnding = new LoginDialogue(TelnetPrompts.DEFAULTS, true, "pa55#".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        feed(hashEnding, "login: ");
        feed(hashEnding, "Password: ");

        var echo = feed(hashEnding, "pa55#");
        assertThat(echo.shown()).isEmpty();
        assertThat(echo.step()).isEqualTo(Step.READ_ON);
        var prompt = feed(hashEnding, "\r\nrouter# ");
        assertThat(new String(prompt.shown(), StandardCharsets.UTF_8)).isEqualTo("\r\nrouter# ");
        assertThat(prompt.step()).isEqualTo(Step.SIGNED_IN);
    }

    @Test
    void aPromptInAMultiByteCharsetSplitMidCharacterIsRecognisedOnceWhole() {
        var russian = new LoginDialogue(new TelnetPrompts("логин\\s*:\\s*$", "пароль\\s*:\\s*$", "[$#>]\\s*$", "отказ"),
                true, PASSWORD, StandardCharsets.UTF_8);
        byte[] prompt = "Логин: ".getBytes(StandardCharsets.UTF_8);

        assertThat(russian.accept(prompt, 0, 3).step()).isEqualTo(Step.READ_ON);
        assertThat(russian.accept(prompt, 3, prompt.length - 3).step()).isEqualTo(Step.SEND_USERNAME);
    }

    @Test
    void afterTheVerdictOutputPassesUnchanged() {
        signInUpToThePassword();
        feed("$ ");
        var later = feed("s3cret Password: ");
        assertThat(new String(later.shown(), StandardCharsets.UTF_8)).isEqualTo("s3cret Password: ");
        assertThat(later.step()).isEqualTo(Step.READ_ON);
    }

    private void signInUpToThePassword() {
        feed("login: ");
        feed("Password: ");
    }

    private LoginDialogue.Reply feed(String text) {
        return feed(dialogue, text);
    }

    private static LoginDialogue.Reply feed(LoginDialogue dialogue, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return dialogue.accept(bytes, 0, bytes.length);
    }
}
