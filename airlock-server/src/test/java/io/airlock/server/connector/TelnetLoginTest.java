package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Automatic Telnet login against scripted equipment on loopback: prompts, verdicts, hand-over, secrecy. */
class TelnetLoginTest {

    private static final TelnetPrompts SWITCH_PROMPTS = new TelnetPrompts("user name\\s*:\\s*$", "passcode\\s*:\\s*$",
            "switch>\\s*$", "access denied");
    private static final String PASSWORD = "Pa55-word";
    /** Short, so that giving up on unknown prompts is measured in a second, not the production 15 s. */
    private static final Duration BOUND = Duration.ofSeconds(1);

    private final TelnetConnector telnet = new TelnetConnector(BOUND);

    @Test
    void equipmentThatEchoesThePasswordAtItsOwnPromptsSignsInAndTheUserNeverSeesThePassword() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("Welcome to the plant switch\r\nUser Name :");
            line.readLine();
            line.print("Passcode:");
            line.readLine();
            // echoed in two writes, so that the gateway sees the echo split
            line.print(PASSWORD.substring(0, 3));
            line.print(PASSWORD.substring(3) + "\r\nswitch> ");
            line.readLine();
            line.print("show done\r\nswitch> ");
        })) {
            try (var connection = telnet.open(equipment.target("operator", PASSWORD, SWITCH_PROMPTS), 80, 24)) {
                var screen = Transcript.of(connection);
                send(connection, "show\r");
                String seen = screen.awaitText("show done\r\nswitch> ");

                assertThat(seen).startsWith("Welcome to the plant switch\r\nUser Name :Passcode:\r\nswitch> ")
                        .doesNotContain(PASSWORD).doesNotContain(PASSWORD.substring(0, 3));
                assertThat(equipment.awaitScript()).isTrue();
                assertThat(equipment.received()).containsExactly("operator", PASSWORD, "show");
            }
        }
    }

    @Test
    void theFailureTextIsAuthFailedNamingTheEquipmentAndTheUserButNotThePassword() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("User Name :");
            line.readLine();
            line.print("Passcode:");
            line.readLine();
            line.print("\r\nAccess denied\r\n");
        })) {
            var target = equipment.target("operator", PASSWORD, SWITCH_PROMPTS);

            assertThatThrownBy(() -> telnet.open(target, 80, 24)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.reason()).isEqualTo(ConnectorException.Reason.AUTH_FAILED);
                assertThat(e.getMessage()).isEqualTo("The equipment at 127.0.0.1:" + target.port()
                        + " refused the credentials for user 'operator'.");
            });
        }
    }

    @Test
    void equipmentAskingOnlyForAPasswordGetsItWithoutAUsername() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("\r\nUser Access Verification\r\n\r\nPassword: ");
            line.readLine();
            line.print("\r\nrouter>");
        })) {
            try (var connection = telnet.open(equipment.target(null, PASSWORD, TelnetPrompts.DEFAULTS), 80, 24)) {
                assertThat(Transcript.of(connection).awaitText("router>")).contains("Password: ");
                assertThat(equipment.awaitScript()).isTrue();
                assertThat(equipment.received()).containsExactly(PASSWORD);
            }
        }
    }

    @Test
    void anUnrecognisedLoginIsHandedToTheUserAsItIsWithinTheBound() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("Enter operator PIN ");
            line.readLine();
            line.print("\r\nPIN accepted\r\n");
        })) {
            Instant start = Instant.now();
            try (var connection = telnet.open(equipment.target("operator", PASSWORD, TelnetPrompts.DEFAULTS), 80, 24)) {
                Duration took = Duration.between(start, Instant.now());
                var screen = Transcript.of(connection);
                assertThat(screen.awaitText("Enter operator PIN ")).isEqualTo("Enter operator PIN ");
                send(connection, "4711\r");
                screen.awaitText("PIN accepted");

                assertThat(took).isBetween(BOUND, BOUND.plusSeconds(2));
                assertThat(equipment.awaitScript()).isTrue();
                assertThat(equipment.received()).containsExactly("4711");
            }
        }
    }

    @Test
    void aUsernamePromptWithoutAStoredUsernameIsHandedOverAtOnce() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("login: ");
            line.readLine();
            line.print("Password: ");
        })) {
            Instant start = Instant.now();
            try (var connection = telnet.open(equipment.target(" ", PASSWORD, TelnetPrompts.DEFAULTS), 80, 24)) {
                assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
                var screen = Transcript.of(connection);
                screen.awaitText("login: ");
                send(connection, "someone\r");
                screen.awaitText("Password: ");
                assertThat(equipment.received()).containsExactly("someone");
            }
        }
    }

    @Test
    void equipmentHangingUpDuringLoginEndsTheConnectionAfterWhatItSaid() throws Exception {
        try (var equipment = FakeTelnetEquipment.start(line -> {
            line.print("All 4 sessions are in use.\r\n");
            line.hangUp();
        })) {
            Instant start = Instant.now();
            try (var connection = telnet.open(equipment.target("operator", PASSWORD, TelnetPrompts.DEFAULTS), 80, 24)) {
                var screen = Transcript.of(connection);
                screen.awaitText("All 4 sessions are in use.");

                assertThat(screen.awaitEnd(Transcript.WAIT)).isTrue();
                assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
            }
        }
    }

    private static void send(RemoteConnection connection, String keys) throws IOException {
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        connection.write(bytes, 0, bytes.length);
    }
}
