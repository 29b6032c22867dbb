package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.peers.TestPeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Full-screen programs behave over the gateway's Telnet path as they do on a terminal attached
 * directly: keystrokes are sent one by one, as the browser's terminal sends them.
 */
@Tag("peers")
class TelnetInteractiveProgramsTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final TelnetConnector TELNET = new TelnetConnector();
    /** A prompt no command echo contains: the command line that sets it quotes it differently. */
    private static final String PROMPT = "airlock-ready$ ";
    private static final Pattern PROMPT_PATTERN = Pattern.compile(Pattern.quote(PROMPT));
    /** Long enough for a program to react to a key; short against the programs' own refresh intervals. */
    private static final Duration REACTION = Duration.ofSeconds(5);

    @Test
    void theShellHasTheProgramsTheseTestsUse() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "for p in top vi less; do command -v $p >/dev/null || echo lacks''-$p; done; echo checked-$((2+2))\r");
            assertThat(screen.awaitText("checked-4")).doesNotContain("lacks-");
        }
    }

    @Test
    void oneQQuitsTop() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "top\r");
            screen.await("(?i)load average");
            type(connection, "q");
            screen.await(PROMPT_PATTERN, REACTION);
        }
    }

    @Test
    void viInsertsTextAndQuitsWithoutSaving() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "vi /tmp/airlock-vi-$$.txt\r");
            screen.await("airlock-vi-\\d+\\.txt");
            type(connection, "i");
            type(connection, "typed-in-vi");
            screen.awaitText("typed-in-vi");
            type(connection, "\u001b");
            type(connection, ":q!\r");
            screen.await(PROMPT_PATTERN, REACTION);
            type(connection, "test -e /tmp/airlock-vi-$$.txt && echo saved-$((1+1)) || echo unsaved-$((1+1))\r");
            screen.awaitText("unsaved-2");
        }
    }

    @Test
    void lessPagesThroughAFileAndOneQQuits() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "seq -f 'row-%g' 1 500 > /tmp/airlock-less-$$.txt; less /tmp/airlock-less-$$.txt\r");
            screen.await("row-10\\b");
            type(connection, " ");
            screen.await("row-3\\d\\b");
            type(connection, "q");
            screen.await(PROMPT_PATTERN, REACTION);
            type(connection, "rm /tmp/airlock-less-$$.txt\r");
            screen.await(PROMPT_PATTERN, REACTION);
        }
    }

    @Test
    void enterGivesExactlyOneNewPrompt() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "\r");
            type(connection, "echo after-$((20+22))\r");
            String upToEcho = screen.awaitText("after-42");
            assertThat(PROMPT_PATTERN.matcher(upToEcho).results().count())
                    .as("prompts between Enter and the next command's output in %s", Transcript.printable(upToEcho))
                    .isEqualTo(1);
        }
    }

    private static RemoteConnection signIn() throws ConnectorException {
        var target = new ConnectionTarget(PEERS.host(), PEERS.telnetPort(), PEERS.user(), CredentialKind.PASSWORD,
                PEERS.password(), fp -> true);
        return TELNET.open(target, 80, 24);
    }

    /** Waits for the shell and gives it a prompt that can be told apart from what is typed. */
    private static Transcript shell(RemoteConnection connection) throws IOException {
        var screen = Transcript.of(connection);
        screen.await("\\$ $");
        type(connection, "PS1='airlock'-'ready\\$ '\r");
        screen.await(PROMPT_PATTERN, Transcript.WAIT);
        return screen;
    }

    /** Sends each character on its own, as a person typing does. */
    private static void type(RemoteConnection connection, String keys) throws IOException {
        for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
            connection.write(new byte[] {b}, 0, 1);
        }
    }
}
