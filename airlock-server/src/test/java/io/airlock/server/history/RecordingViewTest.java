package io.airlock.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Json;
import io.airlock.server.support.StoredRecordings;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
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


    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;
    StoredRecordings recordings;

    @BeforeEach
    void recordings() {
        recordings = new StoredRecordings(store, jdbc, dataDir());
    }

    @Test
    void thePlayerGetsByteRangesAndADownloadTheWholeVideoUnderItsSessionsName() throws Exception {
        byte[] video = randomBytes(300_000, 1);
        long id = recordings.insert("PLC 7/line:A", video);
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
        assertThat(new String(cast.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(StoredRecordings.CAST);
        assertThat(cast.header("Content-Disposition")).contains("_20260304-050607.cast\"");
        assertThat(admin.getBytes(url + "?format=gif", Map.of()).status()).isEqualTo(400);

        var download = admin.getBytes(url + "?download=true", Map.of());
        assertThat(download.body()).isEqualTo(video);
        assertThat(download.header("Content-Disposition")).startsWith("attachment")
                .contains("filename=\"PLC_7_line_A_operator" + id + "_20260304-050607.mp4\"");

        var timeline = Json.parse(admin.get("/api/sessions/" + id).body()).get("recording").get("timeline")
                .valueStream().map(e -> e.get("kind").asString() + " " + e.get("detail").asString()).toList();
        assertThat(timeline).anyMatch(e -> e.startsWith("VIEWED") && e.contains("by admin"))
                .anyMatch(e -> e.startsWith("DOWNLOADED") && e.contains("by admin"));
        assertThat(timeline.stream().filter(e -> e.startsWith("VIEWED"))).as("one view, however many requests")
                .hasSize(1);
    }

    @Test
    void usersGetNoRecordingAndUnknownSessionsAreNotFound() throws Exception {
        long id = recordings.insert("asset", randomBytes(1000, 2));
        var user = newSignedInUser(uniqueName("viewer"), "USER");
        assertThat(user.getBytes("/api/sessions/" + id + "/recording", Map.of()).status()).isEqualTo(403);
        assertThat(user.getBytes("/api/sessions/" + id + "/recording?download=true", Map.of()).status())
                .isEqualTo(403);
        assertThat(signedInAdmin().getBytes("/api/sessions/987654321/recording", Map.of()).status())
                .isEqualTo(404);
        assertThat(client().getBytes("/api/sessions/" + id + "/recording", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aDisabledAdminsStillOpenBrowserSessionGetsNoRecordingAuditOrSearch() throws Exception {
        long id = recordings.insert("asset", randomBytes(1000, 3));
        String name = uniqueName("leaving-admin");
        var admin = newSignedInUser(name, "ACCESS_ADMIN");
        assertThat(admin.getBytes("/api/sessions/" + id + "/recording", Map.of()).status()).isEqualTo(200);

        jdbc.sql("update app_user set enabled = false where username = ?").param(name).update();

        for (String path : List.of("/api/sessions/" + id + "/recording", "/api/sessions/" + id
                + "/recording?download=true", "/api/sessions/" + id + "/recording?format=cast", "/api/sessions/" + id,
                "/api/sessions?recordedOnly=true", "/api/recordings/search?q=needle")) {
            assertThat(admin.getBytes(path, Map.of()).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anObjectRemovedBehindTheGatewaysBackIsExpiredNotAnError() throws Exception {
        long id = recordings.insert("expiring", randomBytes(5000, 3));
        Files.delete(recordings.objectFile(id));
        var admin = signedInAdmin();
        var reply = admin.getBytes("/api/sessions/" + id + "/recording", Map.of());
        assertThat(reply.status()).isEqualTo(410);
        assertThat(new String(reply.body())).contains("expired by the bucket's retention policy");
        var row = Json.parse(admin.get("/api/sessions/" + id).body()).get("session");
        assertThat(row.get("recordingStatus").asString()).isEqualTo("EXPIRED");
        assertThat(row.get("recorded").asBoolean()).isFalse();
    }

    @Test
    void anObjectAlteredBehindTheGatewaysBackGetsTheTamperWarningAndIsNeverServed() throws Exception {
        long id = recordings.insert("tampered", randomBytes(5000, 4));
        Files.write(recordings.objectFile(id), randomBytes(5001, 5)); // what an intruder with bucket access might do
        var admin = signedInAdmin();
        var reply = admin.getBytes("/api/sessions/" + id + "/recording", Map.of("Range", "bytes=0-"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(new String(reply.body())).contains("Tamper warning");
        assertThat(admin.getBytes("/api/sessions/" + id + "/recording?download=true", Map.of()).status())
                .isEqualTo(409);
        var timeline = Json.parse(admin.get("/api/sessions/" + id).body()).get("recording").get("timeline")
                .valueStream().map(e -> e.get("kind").asString()).toList();
        assertThat(timeline).contains("TAMPERED").doesNotContain("VIEWED", "DOWNLOADED");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
