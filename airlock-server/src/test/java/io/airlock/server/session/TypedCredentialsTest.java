package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An SSH access method that stores no credentials and asks the user: the session window sends what the
 * user typed as its first message, the gateway signs in with it once, and it is found nowhere afterwards —
 * not in the database, not in the recording.
 */
@Tag("peers")
class TypedCredentialsTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SessionRecordRepository records;
    @Autowired
    private RecordingStore store;

    @Test
    void userTypesUsernameAndPasswordAndTheyAreUsedOnceNeverKept() throws Exception {
        var setup = setUp(null);
        var grant = launch(setup);
        assertThat(grant.get("askCredentials").asBoolean()).isTrue();
        assertThat(grant.get("username").isNull()).isTrue();
        long id;
        try (var terminal = open(setup, grant)) {
            terminal.sendText(Json.object("type", "sign-in", "username", PEERS.user(), "password", PEERS.password()));
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo typed-$((6*7))\r");
            terminal.awaitOutput("typed-42", WAIT);
        }
        awaitRecording(id, RecordingStatus.READY);
        assertThat(jdbc.sql("select credential_sealed from access_method where id = ?").param(setup.methodId)
                .query(String.class).optional()).isEmpty();
        String castKey = Json.parse(signedInAdmin().get("/api/sessions/" + id).body()).get("recording").get("castKey")
                .asString();
        var cast = store.head(castKey).orElseThrow();
        try (var in = store.getRange(castKey, 0, cast.size() - 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("typed-42")
                    .doesNotContain(PEERS.password());
        }
    }

    @Test
    void storedUsernameIsShownAndAWrongPasswordIsRefusedWithTheReason() {
        var setup = setUp(PEERS.user());
        var grant = launch(setup);
        assertThat(grant.get("username").asString()).isEqualTo(PEERS.user());
        try (var terminal = open(setup, grant)) {
            terminal.sendText(Json.object("type", "sign-in", "username", "someone-else", "password", "wrong-password"));
            var ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("refused the credentials you entered")
                    .contains("'" + PEERS.user() + "'");
        }
    }

    @Test
    void sessionThatAsksOpensNothingUntilTheUserSignsIn() throws Exception {
        var setup = setUp(PEERS.user());
        try (var terminal = open(setup, launch(setup))) {
            Thread.sleep(1500);
            assertThat(terminal.output()).isEmpty();
            assertThat(jdbc.sql("select count(*) from session_record where username = ?").param(setup.username)
                    .query(Long.class).single()).isZero();
            terminal.sendText(Json.object("type", "sign-in", "username", "", "password", PEERS.password()));
            terminal.awaitNotice("ready", WAIT);
        }
    }

    private record Setup(GatewayClient user, String username, long groupId, long methodId) {
    }

    private Setup setUp(String storedUsername) {
        var admin = signedInAdmin();
        String stem = uniqueName("typed");
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", stem + "-rtu", "host", PEERS.host()))
                .body()).get("id").asLong();
        var method = admin.post("/api/assets/" + asset + "/methods", storedUsername == null
                ? Json.object("protocol", "SSH", "port", PEERS.sshPort(), "credential", "ASK_USER")
                : Json.object("protocol", "SSH", "port", PEERS.sshPort(), "credential", "ASK_USER", "username",
                        storedUsername));
        assertThat(method.status()).as(method.body()).isIn(200, 201);
        long methodId = Json.parse(method.body()).get("id").asLong();
        String username = stem + "-operator";
        var user = newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/users").body()).valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow().get("id")
                .asLong();
        var group = admin.post("/api/groups", Json.write(Map.of("name", stem + "-group", "enforceRecording", true,
                "memberIds", List.of(userId), "methodIds", List.of(methodId))));
        assertThat(group.status()).as(group.body()).isIn(200, 201);
        return new Setup(user, username, Json.parse(group.body()).get("id").asLong(), methodId);
    }

    private static tools.jackson.databind.JsonNode launch(Setup setup) {
        var reply = setup.user().post("/api/sessions/launch", Json.object("groupId", setup.groupId(), "methodId",
                setup.methodId()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.parse(reply.body());
    }

    private static TerminalSocket open(Setup setup, tools.jackson.databind.JsonNode grant) {
        return setup.user().openSocket("/ws/terminal?ticket=" + grant.get("ticket").asString() + "&cols=80&rows=24",
                setup.user().origin());
    }

    private void awaitRecording(long id, RecordingStatus wanted) {
        var row = RecordingStatusWait.until(records, id, wanted, Duration.ofSeconds(60));
        assertThat(row.recordingStatus()).as(row.recordingDetail()).isEqualTo(wanted);
    }
}
