package io.airlock.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.StoredRecordings;
import io.airlock.server.storage.RecordingStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Search inside terminal recordings on a whole gateway: a word typed in a recorded SSH session on the real
 * peer is found once the recording is stored, at the moment it showed; only admins search, a malformed
 * query is refused by field, and every search is in the audit trail.
 */
@Tag("peers")
class RecordingSearchTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(60);

    @Autowired
    AuditLog audit;
    @Autowired
    RecordingText text;
    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWordTypedInARecordedSessionIsFoundAtTheMomentItShowed() throws Exception {
        GatewayClient admin = signedInAdmin();
        var setup = EquipmentSetup.ssh(admin, port, PEERS, uniqueName("search"), true);
        long id;
        Instant ready;
        Instant typed;
        Instant seen;
        try (var terminal = setup.open(80, 24)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            ready = Instant.now();
            terminal.awaitOutput("$", WAIT);
            Thread.sleep(1500); // so the word shows measurably after the session's start
            typed = Instant.now();
            terminal.type("echo needle-$((6*7))\n");
            terminal.awaitOutput("needle-42", WAIT);
            seen = Instant.now();
            terminal.type("exit\n");
            terminal.awaitNotice("ended", WAIT);
        }
        Instant started = Instant.parse(admin.get("/api/sessions/" + id).body().transform(Json::parse)
                .get("session").get("startedAt").asString());

        JsonNode found = awaitFound(admin, "needle-42", STORED_WITHIN);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode hit = found.get("items").get(0);
        assertThat(hit.get("sessionId").asLong()).isEqualTo(id);
        assertThat(hit.get("line").asString()).isEqualTo("needle-42");
        assertThat(hit.get("username").asString()).isEqualTo(setup.username());
        assertThat(hit.get("assetName").asString()).isEqualTo(setup.assetName());
        assertThat(hit.get("protocol").asString()).isEqualTo("SSH");
        // The recording starts once the equipment answered, between the session's start and its "ready".
        double offset = hit.get("offsetSeconds").asDouble();
        assertThat(offset).as("seconds into the recording").isBetween(
                Duration.between(ready, typed).toMillis() / 1000.0 - 0.5,
                Duration.between(started, seen).toMillis() / 1000.0 + 0.5);
        assertThat(offset).as("the moment the recording shows it").isEqualTo(firstShown(admin, id, "needle-42"),
                org.assertj.core.api.Assertions.within(0.001));

        JsonNode typedLine = search(admin, "echo needle").get("items");
        assertThat(typedLine.valueStream().map(n -> n.get("line").asString()))
                .anyMatch(line -> line.endsWith("echo needle-$((6*7))"));
        assertThat(audit.recent(20)).anyMatch(e -> e.actor().equals("admin") && e.action().equals("RECORDING_SEARCH")
                && e.detail().contains("\"needle-42\"") && e.detail().contains("1 line found"));
    }

    @Test
    void onlyAdminsSearchAndAMalformedQueryIsRefusedByField() {
        var user = newSignedInUser(uniqueName("searcher"), "USER");
        assertThat(user.get("/api/recordings/search?q=needle").status()).isEqualTo(403);
        assertThat(user.get("/api/recordings/search?q=x").status()).as("refused before the query is read")
                .isEqualTo(403);
        assertThat(client().get("/api/recordings/search?q=needle").status()).isEqualTo(401);
        var accessAdmin = newSignedInUser(uniqueName("auditor"), "ACCESS_ADMIN");
        assertThat(accessAdmin.get("/api/recordings/search?q=needle").status()).isEqualTo(200);
        var admin = signedInAdmin();
        assertThat(admin.get("/api/recordings/search?q=needle&page=0&size=50").status()).isEqualTo(200);

        for (String bad : new String[] {"", "?q=x", "?q=" + "a".repeat(201), "?q=--"}) {
            var reply = admin.get("/api/recordings/search" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(Json.parse(reply.body()).get("fields").has("q")).as(reply.body()).isTrue();
        }
        var badSize = admin.get("/api/recordings/search?q=needle&size=1000");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body()).contains("size");
    }

    /** When the recording's output first holds {@code text}, from the terminal recording in the bucket. */
    private static double firstShown(GatewayClient admin, long id, String text) {
        var cast = admin.getBytes("/api/sessions/" + id + "/recording?format=cast", java.util.Map.of());
        assertThat(cast.status()).isEqualTo(200);
        var output = new StringBuilder();
        for (String line : new String(cast.body(), StandardCharsets.UTF_8).split("\n")) {
            JsonNode event = line.startsWith("[") ? Json.parse(line) : null;
            if (event != null && event.get(1).asString().equals("o")) {
                output.append(event.get(2).asString());
                if (output.indexOf(text) >= 0) {
                    return event.get(0).asDouble();
                }
            }
        }
        throw new AssertionError(text + " is not in the recording");
    }

    @Test
    void recordingsStoredWithoutAnIndexAreIndexedFromTheBucketAndAFailureIsRetriedLater() throws Exception {
        var stored = new StoredRecordings(store, jdbc, dataDir());
        long indexable = stored.insert("RTU 4", new byte[] {1, 2, 3},
                "{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"$ \"]\n"
                        + "[7.25,\"o\",\"backfilled-7 line\\r\\n$ \"]\n");
        long broken = stored.insert("RTU 5", new byte[] {4, 5, 6}, "not a terminal recording\n");

        text.catchUp(100);

        JsonNode found = search(signedInAdmin(), "backfilled 7");
        assertThat(found.get("items").valueStream().map(n -> n.get("sessionId").asLong() + "@"
                + n.get("offsetSeconds").asDouble() + " " + n.get("line").asString()))
                .containsExactly(indexable + "@7.25 $ backfilled-7 line");
        var state = jdbc.sql("select failures, retry_after, last_error from recording_text_state where session_id = ?")
                .param(broken).query().singleRow();
        assertThat(state.get("failures")).isEqualTo(1);
        assertThat(state.get("retry_after")).isNotNull();
        assertThat(jdbc.sql("select recording_status from session_record where id = ?").param(broken)
                .query(String.class).single()).as("its recording is still ready to view").isEqualTo("READY");
        text.catchUp(100);
        assertThat(jdbc.sql("select failures from recording_text_state where session_id = ?").param(broken)
                .query(Integer.class).single()).as("not tried again before its retry is due").isEqualTo(1);
    }

    private static JsonNode search(GatewayClient client, String query) {
        var reply = client.get("/api/recordings/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Json.parse(reply.body());
    }

    /** The recording is stored and indexed some seconds after the session ends. */
    private static JsonNode awaitFound(GatewayClient client, String query, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode found = search(client, query);
        while (found.get("total").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = search(client, query);
        }
        return found;
    }
}
