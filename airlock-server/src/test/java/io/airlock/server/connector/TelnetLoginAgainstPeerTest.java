package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.asset.CredentialKind;
import io.airlock.server.peers.TestPeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Automatic login with the default prompt patterns at the real busybox telnetd and its /bin/login. */
@Tag("peers")
class TelnetLoginAgainstPeerTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final TelnetConnector TELNET = new TelnetConnector();

    @Test
    void signsInWithTheDefaultPromptsAndTheUserSeesTheWholeLoginButNotThePassword() throws Exception {
        try (var connection = TELNET.open(target(CredentialKind.PASSWORD, PEERS.password()), 80, 24)) {
            var screen = Transcript.of(connection);
            String login = screen.await("\\$ $");
            send(connection, "echo signed-in-as-$(id -un)\r");
            screen.awaitText("signed-in-as-" + PEERS.user());

            assertThat(login).contains("Airlock telnet test peer").containsPattern("login: " + PEERS.user())
                    .contains("Password: ");
            assertThat(screen.all()).doesNotContain(PEERS.password());
        }
    }

    @Test
    void aWrongPasswordIsAuthFailedWithinTheLoginBound() {
        var target = target(CredentialKind.PASSWORD, PEERS.password() + "-wrong");
        Instant start = Instant.now();

        assertThatThrownBy(() -> TELNET.open(target, 80, 24)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.reason()).isEqualTo(ConnectorException.Reason.AUTH_FAILED);
            assertThat(e.getMessage()).isEqualTo("The equipment at " + PEERS.host() + ":" + PEERS.telnetPort()
                    + " refused the credentials for user '" + PEERS.user() + "'.");
        });
        assertThat(Duration.between(start, Instant.now())).isLessThan(TelnetConnector.LOGIN_BOUND);
    }

    @Test
    void withoutAPasswordTheUserAnswersTheLoginPromptsThemselves() throws Exception {
        try (var connection = TELNET.open(target(CredentialKind.NONE, null), 80, 24)) {
            var screen = Transcript.of(connection);
            screen.await("login: $");
            send(connection, PEERS.user() + "\r");
            screen.await("Password: $");
            send(connection, PEERS.password() + "\r");
            screen.await("\\$ $");
            send(connection, "echo typed-in-$((3*3))\r");
            screen.awaitText("typed-in-9");
        }
    }

    private static ConnectionTarget target(CredentialKind kind, String secret) {
        return new ConnectionTarget(PEERS.host(), PEERS.telnetPort(), PEERS.user(), kind, secret, fp -> true);
    }

    private static void send(RemoteConnection connection, String keys) throws IOException {
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        connection.write(bytes, 0, bytes.length);
    }
}
