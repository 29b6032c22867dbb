package io.airlock.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.storage.RecordingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finished recordings put straight into a gateway's embedded bucket and history, as the pipeline leaves
 * them (status READY, keys and SHA-256 recorded), and the files behind them, for tests that then change
 * the bucket behind the gateway's back as a retention rule or an intruder would.
 */
public final class StoredRecordings {

    /** Every such session started then; the download's file name shows it. */
    public static final Instant STARTED = Instant.parse("2026-03-04T05:06:07Z");
    /** The terminal recording stored beside each video. */
    public static final String CAST = "{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"$ \"]\n";
    private static final AtomicLong NEXT = new AtomicLong();

    private final RecordingStore store;
    private final JdbcClient jdbc;
    private final Path dataDir;

    public StoredRecordings(RecordingStore store, JdbcClient jdbc, Path dataDir) {
        this.store = store;
        this.jdbc = jdbc;
        this.dataDir = dataDir;
    }

    /** A session of user {@code operator<id>} to {@code asset} whose video and cast are in the bucket. */
    public long insert(String asset, byte[] video) throws IOException {
        return insert(asset, video, CAST);
    }

    /** As {@link #insert(String, byte[])}, with this terminal recording (asciicast v2) beside the video. */
    public long insert(String asset, byte[] video, String asciicast) throws IOException {
        long integration = store.activeIntegrationId().orElseThrow();
        String key = "recordings/test/" + System.nanoTime() + "-" + NEXT.incrementAndGet() + ".mp4";
        byte[] cast = asciicast.getBytes(StandardCharsets.UTF_8);
        put(key, video, "video/mp4");
        put(key.replace(".mp4", ".cast"), cast, "application/x-asciicast");
        long id = jdbc.sql("select coalesce(max(id), 0) + 1000 from session_record").query(Long.class).single();
        jdbc.sql("insert into session_record (id, user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "ended_at, end_reason, bytes_to_equipment, bytes_from_equipment, integration_id, video_key, "
                + "video_sha256, video_size, cast_key, cast_sha256) values (?, 1, ?, '127.0.0.1', 1, 'line', 1, ?, 1, "
                + "'SSH', '127.0.0.1', 22, true, 'READY', ?, ?, 'CLOSED_BY_USER', 1, 1, ?, ?, ?, ?, ?, ?)")
                .params(id, "operator" + id, asset, Timestamp.from(STARTED), Timestamp.from(STARTED.plusSeconds(60)),
                        integration, key, sha256(video), video.length, key.replace(".mp4", ".cast"), sha256(cast))
                .update();
        return id;
    }

    /** Where the embedded bucket keeps a session's video on disk. */
    public Path objectFile(long id) throws IOException {
        String key = jdbc.sql("select video_key from session_record where id = ?").param(id).query(String.class)
                .single();
        try (Stream<Path> files = Files.walk(dataDir.resolve("s3").resolve("objects"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(key)).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private void put(String key, byte[] content, String type) throws IOException {
        Path file = Files.createTempFile("recording-", ".bin");
        try {
            Files.write(file, content);
            store.put(key, file, type, Map.of(), Map.of());
        } finally {
            Files.delete(file);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
