package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keyboard-interactive prompts get the password, and how often. */
class SshPasswordPromptsTest {

    @Test
    void aHiddenPasswordPromptGetsThePassword() {
        var prompts = new SshPasswordPrompts("engineer", "s3cret");

        assertThat(prompts.answers(new String[] {"Password: "}, new boolean[] {false})).containsExactly("s3cret");
    }

    @Test
    void aVisibleUsernamePromptGetsTheUsernameBesideTheHiddenPassword() {
        var prompts = new SshPasswordPrompts("engineer", "s3cret");

        assertThat(prompts.answers(new String[] {"Login name:", "Passcode:"}, new boolean[] {true, false}))
                .containsExactly("engineer", "s3cret");
    }

    @Test
    void thePasswordIsGivenOnceSoAWrongOneCostsOneAttempt() {
        var prompts = new SshPasswordPrompts("engineer", "wrong");

        assertThat(prompts.answers(new String[] {"Password:"}, new boolean[] {false})).isNotNull();
        assertThat(prompts.answers(new String[] {"Password:"}, new boolean[] {false})).isNull();
    }

    @Test
    void aSecondFactorOrAnUnknownVisiblePromptIsDeclined() {
        var prompts = new SshPasswordPrompts("engineer", "s3cret");

        assertThat(prompts.answers(new String[] {"Password:", "Verification code:"}, new boolean[] {false, false}))
                .isNull();
        assertThat(prompts.answers(new String[] {"Type YES to continue:"}, new boolean[] {true})).isNull();
        assertThat(prompts.answers(new String[] {"Password:"}, new boolean[] {false})).containsExactly("s3cret");
    }

    @Test
    void theEquipmentCannotMakeTheGatewayChangeThePassword() {
        var prompts = new SshPasswordPrompts("engineer", "s3cret");

        assertThat(prompts.getUpdatedPassword(null, "New password:", "")).isNull();
        assertThat(prompts.toString()).doesNotContain("s3cret");
    }
}
