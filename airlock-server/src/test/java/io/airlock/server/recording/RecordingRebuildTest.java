package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.session.EndReason;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rebuild from the bucket brings back the history rows of recordings whose rows were lost, from the
 * metadata the pipeline stores with each object; it leaves existing rows alone, does nothing more when run
 * again, and new sessions afterwards do not collide with the ids it brought back.
 */
class RecordingRebuildTest extends GatewayTest {

    private static final Instant STARTED = Instant.parse("2026-02-03T04:05:06Z");

    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lostRowsComeBackFromTheObjectMetadataAndARerunChangesNothing() throws Exception {
        long base = jdbc.sql("select coalesce(max(id), 0) + 5000 from session_record").query(Long.class).single();
        SessionRecord lost = session(base, "plc-7", "operator-a");
        SessionRecord alsoLost = session(base + 1, "hmi-2", "operator-b");
        store(lost);
        store(alsoLost);
        var admin = signedInAdmin();

        JsonNode result = Json.parse(admin.post("/api/sessions/rebuild-from-bucket", "").body());
        assertThat(result.get("found").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("created").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode row = Json.parse(admin.get("/api/sessions/" + lost.id()).body());
        assertThat(row.get("session").get("username").asString()).isEqualTo("operator-a");
        assertThat(row.get("session").get("assetName").asString()).isEqualTo("plc-7");
        assertThat(row.get("session").get("host").asString()).isEqualTo("10.20.30.40");
        assertThat(row.get("session").get("port").asInt()).isEqualTo(2222);
        assertThat(row.get("session").get("startedAt").asString()).isEqualTo(STARTED.toString());
        assertThat(row.get("session").get("recorded").asBoolean()).isTrue();
        assertThat(row.get("recording").get("videoSha256").asString()).hasSize(64);
        assertThat(row.get("recording").get("castKey").asString()).endsWith(lost.id() + ".cast");
        assertThat(row.get("recording").get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .contains("REBUILT");
        byte[] video = admin.getBytes("/api/sessions/" + lost.id() + "/recording", Map.of()).body();
        assertThat(new String(video, StandardCharsets.UTF_8)).isEqualTo("video of " + lost.id());

        JsonNode again = Json.parse(admin.post("/api/sessions/rebuild-from-bucket", "").body());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(again.get("found").asInt());

        jdbc.sql("insert into session_record (user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "bytes_to_equipment, bytes_from_equipment) values (1, 'next', '127.0.0.1', 1, 'g', 1, 'a', 1, "
                + "'SSH', 'h', 22, false, 'NONE', current_timestamp, 0, 0)").update();
        assertThat(jdbc.sql("select max(id) from session_record where username = 'next'").query(Long.class).single())
                .as("a new session after the rebuild").isGreaterThan(alsoLost.id());
    }

    @Test
    void lostDesktopRowComesBackWithItsFbsWhichDownloadsAsWhatItIs() throws Exception {
        long id = jdbc.sql("select coalesce(max(id), 0) + 7000 from session_record").query(Long.class).single();
        SessionRecord lost = desktop(id, "hmi-9", "operator-d");
        var keys = RecordingKeys.of(lost.id(), lost.startedAt(), RawFormat.FBS);
        var metadata = RecordingPipeline.metadata(lost);
        put(keys.video(), "video of " + id, "video/mp4", metadata);
        put(keys.raw(), "FBS 001.000\n", RawFormat.FBS.contentType(), metadata);
        var admin = signedInAdmin();

        assertThat(Json.parse(admin.post("/api/sessions/rebuild-from-bucket", "").body()).get("created").asInt())
                .isGreaterThanOrEqualTo(1);

        JsonNode row = Json.parse(admin.get("/api/sessions/" + id).body());
        assertThat(row.get("session").get("protocol").asString()).isEqualTo("VNC");
        assertThat(row.get("recording").get("castKey").asString()).isEqualTo(keys.raw()).endsWith(id + ".fbs");
        var raw = admin.getBytes("/api/sessions/" + id + "/recording?format=cast&download=true", Map.of());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(new String(raw.body(), StandardCharsets.US_ASCII)).isEqualTo("FBS 001.000\n");
        assertThat(raw.header("Content-Type")).isEqualTo("application/x-fbs");
        assertThat(raw.header("Content-Disposition")).contains("hmi-9_operator-d_").contains(".fbs");
    }

    @Test
    void usersAndAccessAdminsCannotRebuild() {
        assertThat(newSignedInUser(uniqueName("rb-aa"), "ACCESS_ADMIN").post("/api/sessions/rebuild-from-bucket", "")
                .status()).isEqualTo(403);
        assertThat(newSignedInUser(uniqueName("rb-u"), "USER").post("/api/sessions/rebuild-from-bucket", "")
                .status()).isEqualTo(403);
    }

    private static SessionRecord session(long id, String asset, String user) {
        return new SessionRecord(id, 3, user, "10.0.0.9", 4, "line-1", 5, asset, 6, "SSH", "10.20.30.40", 2222, true,
                RecordingStatus.READY, null, null, STARTED, STARTED.plusSeconds(90), EndReason.CLOSED_BY_USER, null,
                null, 1, 2);
    }

    private static SessionRecord desktop(long id, String asset, String user) {
        return new SessionRecord(id, 3, user, "10.0.0.9", 4, "line-1", 5, asset, 6, "VNC", "10.20.30.41", 5900, true,
                RecordingStatus.READY, null, null, STARTED, STARTED.plusSeconds(90), EndReason.CLOSED_BY_USER, null,
                null, 1, 2);
    }

    /** Both objects as the pipeline stores them, with their metadata; no history row. */
    private void store(SessionRecord session) throws Exception {
        var keys = RecordingKeys.of(session.id(), session.startedAt());
        var metadata = RecordingPipeline.metadata(session);
        put(keys.video(), "video of " + session.id(), "video/mp4", metadata);
        put(keys.raw(), "{\"version\":2,\"width\":80,\"height\":24}\n", "application/x-asciicast", metadata);
    }

    private void put(String key, String content, String type, Map<String, String> metadata) throws Exception {
        Path file = Files.createTempFile("rebuild-", ".bin");
        Files.writeString(file, content);
        store.put(key, file, type, metadata, Map.of());
        Files.delete(file);
    }
}
