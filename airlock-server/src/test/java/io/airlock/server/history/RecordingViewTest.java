package io.airlock.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * View Inline Recording and Download Inline Recording against the real embedded bucket: byte ranges for
 * the player, the whole object with a meaningful file name for a download, each view in the recording's
 * timeline; Users are refused; an object removed behind the gateway's back is EXPIRED, one altered behind
 * its back gets the tamper warning and is never served.
 */
class RecordingViewTest extends GatewayTest {

    private static final Instant STARTED = Instant.parse("2026-03-04T05:06:07Z");
    private static final String CAST = "{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"$ \"]\n";

    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePlayerGetsByteRangesAndADownloadTheWholeVideoUnderItsSessionsName() throws Exception {
        byte[] video = randomBytes(300_000, 1);
        long id = recordedSession("PLC 7/line:A", video);
        GatewayClient admin = signedInAdmin();
        String url = "/api/sessions/" + id + "/recording";

        var whole = admin.getBytes(url, Map.of());
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Disposition")).startsWith("inline");

        var middle = admin.getBytes(url, Map.of("Range", "bytes=1000-1999"));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 1000-1999/300000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));
        var seekToEighty = admin.getBytes(url, Map.of("Range", "bytes=240000-"));
        assertThat(seekToEighty.status()).isEqualTo(206);
        assertThat(seekToEighty.body()).isEqualTo(Arrays.copyOfRange(video, 240_000, 300_000));
        var tail = admin.getBytes(url, Map.of("Range", "bytes=-100"));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, 299_900, 300_000));
        var beyond = admin.getBytes(url, Map.of("Range", "bytes=300000-"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */300000");

        var cast = admin.getBytes(url + "?format=cast&download=true", Map.of());
        assertThat(new String(cast.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(CAST);
        assertThat(cast.header("Content-Disposition")).contains("_20260304-050607.cast\"");
        assertThat(admin.getBytes(url + "?format=gif", Map.of()).status()).isEqualTo(400);

        var download = admin.getBytes(url + "?download=true", Map.of());
        assertThat(download.body()).isEqualTo(video);
        assertThat(download.header("Content-Disposition")).startsWith("attachment")
                .contains("filename=\"PLC_7_line_A_operator" + id + "_20260304-050607.mp4\"");

        var timeline = Json.parse(admin.get("/api/history/" + id).body()).get("recording").get("timeline")
                .valueStream().map(e -> e.get("kind").asString() + " " + e.get("detail").asString()).toList();
        assertThat(timeline).anyMatch(e -> e.startsWith("VIEWED") && e.contains("by admin"))
                .anyMatch(e -> e.startsWith("DOWNLOADED") && e.contains("by admin"));
        assertThat(timeline.stream().filter(e -> e.startsWith("VIEWED"))).as("one view, however many requests")
                .hasSize(1);
    }

    @Test
    void usersGetNoRecordingAndUnknownSessionsAreNotFound() throws Exception {
        long id = recordedSession("asset", randomBytes(1000, 2));
        var user = newSignedInUser(uniqueName("viewer"), "USER");
        assertThat(user.getBytes("/api/sessions/" + id + "/recording", Map.of()).status()).isEqualTo(403);
        assertThat(user.getBytes("/api/sessions/" + id + "/recording?download=true", Map.of()).status())
                .isEqualTo(403);
        assertThat(signedInAdmin().getBytes("/api/sessions/987654321/recording", Map.of()).status())
                .isEqualTo(404);
        assertThat(client().getBytes("/api/sessions/" + id + "/recording", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anObjectRemovedBehindTheGatewaysBackIsExpiredNotAnError() throws Exception {
        long id = recordedSession("expiring", randomBytes(5000, 3));
        Files.delete(objectFile(id));
        var admin = signedInAdmin();
        var reply = admin.getBytes("/api/sessions/" + id + "/recording", Map.of());
        assertThat(reply.status()).isEqualTo(410);
        assertThat(new String(reply.body())).contains("expired by the bucket's retention policy");
        var row = Json.parse(admin.get("/api/history/" + id).body()).get("session");
        assertThat(row.get("recordingStatus").asString()).isEqualTo("EXPIRED");
        assertThat(row.get("recorded").asBoolean()).isFalse();
    }

    @Test
    void anObjectAlteredBehindTheGatewaysBackGetsTheTamperWarningAndIsNeverServed() throws Exception {
        long id = recordedSession("tampered", randomBytes(5000, 4));
        Files.write(objectFile(id), randomBytes(5001, 5)); // what an intruder with bucket access might do
        var admin = signedInAdmin();
        var reply = admin.getBytes("/api/sessions/" + id + "/recording", Map.of("Range", "bytes=0-"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(new String(reply.body())).contains("Tamper warning");
        assertThat(admin.getBytes("/api/sessions/" + id + "/recording?download=true", Map.of()).status())
                .isEqualTo(409);
        var timeline = Json.parse(admin.get("/api/history/" + id).body()).get("recording").get("timeline")
                .valueStream().map(e -> e.get("kind").asString()).toList();
        assertThat(timeline).contains("TAMPERED").doesNotContain("VIEWED", "DOWNLOADED");
    }

    /** A session row whose video is in the bucket, as the pipeline leaves a finished recording. */
    private long recordedSession(String asset, byte[] video) throws Exception {
        long integration = store.activeIntegrationId().orElseThrow();
        String key = "recordings/test/" + uniqueName("v") + ".mp4";
        Path file = Files.createTempFile("video-", ".mp4");
        Files.write(file, video);
        store.put(key, file, "video/mp4", Map.of(), Map.of());
        Files.delete(file);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
        byte[] cast = CAST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path castFile = Files.createTempFile("recording-", ".cast");
        Files.write(castFile, cast);
        store.put(key.replace(".mp4", ".cast"), castFile, "application/x-asciicast", Map.of(), Map.of());
        Files.delete(castFile);
        String castSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cast));
        long id = jdbc.sql("select coalesce(max(id), 0) + 1000 from session_record").query(Long.class).single();
        jdbc.sql("insert into session_record (id, user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "ended_at, end_reason, bytes_to_equipment, bytes_from_equipment, integration_id, video_key, "
                + "video_sha256, video_size, cast_key, cast_sha256) values (?, 1, ?, '127.0.0.1', 1, 'line', 1, ?, 1, "
                + "'SSH', '127.0.0.1', 22, true, 'READY', ?, ?, 'CLOSED_BY_USER', 1, 1, ?, ?, ?, ?, ?, ?)")
                .params(id, "operator" + id, asset, Timestamp.from(STARTED), Timestamp.from(STARTED.plusSeconds(60)),
                        integration, key, sha, video.length, key.replace(".mp4", ".cast"), castSha)
                .update();
        return id;
    }

    /** Where the embedded bucket keeps a session's video on disk. */
    private Path objectFile(long id) throws IOException {
        String key = jdbc.sql("select video_key from session_record where id = ?").param(id).query(String.class)
                .single();
        try (Stream<Path> files = Files.walk(dataDir().resolve("s3").resolve("objects"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(key)).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
