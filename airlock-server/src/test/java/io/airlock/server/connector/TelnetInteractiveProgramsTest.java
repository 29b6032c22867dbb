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
    void oneQQuitsTop() throws Exception {
        try (var connection = signIn()) {
            var screen = shell(connection);
            type(connection, "top\r");
            screen.await("(?i)load average");
            type(connection, "q");
            screen.await(PROMPT_PATTERN, REACTION);
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
