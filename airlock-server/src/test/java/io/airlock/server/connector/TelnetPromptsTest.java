package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class TelnetPromptsTest {

    private static boolean finds(String regex, String text) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    @Test
    void defaultsRecogniseCommonLoginPrompts() {
        var d = TelnetPrompts.DEFAULTS;
        assertThat(finds(d.username(), "\r\nplc-07 login: ")).isTrue();
        assertThat(finds(d.username(), "User Name : ")).isTrue();
        assertThat(finds(d.username(), "Username:")).isTrue();
        assertThat(finds(d.password(), "Password: ")).isTrue();
    }

    @Test
    void successIsAPromptThatEndsTheTextNotABannerLine() {
        var d = TelnetPrompts.DEFAULTS;
        assertThat(finds(d.success(), "operator@rtu:~$ ")).isTrue();
        assertThat(finds(d.success(), "Router>")).isTrue();
        assertThat(finds(d.success(), "root@plc:/# ")).isTrue();
        assertThat(finds(d.success(), "##########\r\n")).isFalse();
        assertThat(finds(d.success(), "Welcome > to the panel\r\n")).isFalse();
    }

    @Test
    void failureNamesARefusalNotAnyInvalidInAMessageOfTheDay() {
        var d = TelnetPrompts.DEFAULTS;
        assertThat(finds(d.failure(), "\r\nLogin incorrect\r\n")).isTrue();
        assertThat(finds(d.failure(), "% Bad passwords\r\n")).isTrue();
        assertThat(finds(d.failure(), "Invalid password\r\n")).isTrue();
        assertThat(finds(d.failure(), "Invalid use of this system is logged.\r\n")).isFalse();
    }

    @Test
    void aPatternThatDoesNotCompileIsRefusedUpFront() {
        assertThatThrownBy(() -> new TelnetPrompts("(", "p", "s", "f")).isInstanceOf(PatternSyntaxException.class);
    }
}
