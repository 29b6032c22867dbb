package io.airlock.server.recording;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.storage.RecordingStore.StoredObject;
import io.airlock.server.storage.StorageException;
import io.airlock.server.web.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuild from the bucket: for a database that was lost or restored from an old backup, recreates the
 * Session History rows of the recordings in the active integration's bucket from the metadata the gateway
 * stored with each object (who, what, when, the SHA-256). A row that exists is left as it is, so running
 * it again changes nothing. What the objects do not carry (the ids of users, groups and assets, how the
 * session ended, the bytes that flowed) stays empty, and the row's timeline says it was rebuilt.
 */
@Service
public class RecordingRebuild {

    private static final Logger log = LoggerFactory.getLogger(RecordingRebuild.class);
    /** {@code recordings/YYYY/MM/DD/<session-id>.mp4}, as {@link RecordingKeys} names a video. */
    private static final Pattern VIDEO_KEY = Pattern.compile(Pattern.quote(RecordingKeys.ROOT)
            + "\\d{4}/\\d{2}/\\d{2}/(\\d{1,18})\\.mp4");
    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");

    /** What a rebuild did: videos found in the bucket, rows created, and videos left alone (row exists, or unreadable). */
    public record Result(int found, int created, int skipped) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final AuditLog audit;
    private final Clock clock;

    RecordingRebuild(JdbcClient jdbc, DataSource dataSource, RecordingRepository recordings, RecordingStore store,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.recordings = recordings;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Result rebuild(String actor) {
        long integration = store.activeIntegrationId().orElseThrow(() -> new ApiException(
                ApiException.Reason.CONFLICT, "No storage integration is active: there is no bucket to rebuild from."));
        int found = 0;
        int created = 0;
        try {
            for (StoredObject object : store.list(RecordingKeys.ROOT, Integer.MAX_VALUE)) {
                Matcher key = VIDEO_KEY.matcher(object.key());
                if (!key.matches()) {
                    continue; // the raw recording beside each video, and whatever else shares the prefix
                }
                found++;
                long sessionId = Long.parseLong(key.group(1));
                if (!exists(sessionId) && recreate(sessionId, integration, object.key(), actor)) {
                    created++;
                }
            }
        } catch (StorageException e) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "The bucket could not be listed: "
                    + e.getMessage());
        }
        if (created > 0) {
            continueIdsAfterTheRebuiltRows();
        }
        var result = new Result(found, created, found - created);
        audit.record(actor, "HISTORY_REBUILT", "Rebuild from the bucket: " + result.found() + " recordings found, "
                + result.created() + " history rows created, " + result.skipped() + " skipped.");
        return result;
    }

    private boolean exists(long sessionId) {
        return jdbc.sql("select count(*) from session_record where id = ?").param(sessionId).query(Long.class)
                .single() > 0;
    }

    /** Recreates one row from the video's metadata; false when the metadata is missing or unreadable. */
    private boolean recreate(long sessionId, long integration, String videoKey, String actor) {
        StoredObject video = store.head(videoKey).orElse(null);
        Map<String, String> m = video == null ? Map.of() : video.metadata();
        Matcher host = HOST_PORT.matcher(m.getOrDefault("host", ""));
        Instant start;
        Instant end;
        try {
            start = Instant.parse(m.getOrDefault("start", ""));
            end = Instant.parse(m.getOrDefault("end", ""));
        } catch (DateTimeParseException e) {
            log.warn("Rebuild from the bucket skipped {}: its metadata has no readable start and end", videoKey);
            return false;
        }
        if (!Long.toString(sessionId).equals(m.get("session-id")) || m.get("user") == null || !host.matches()
                || video.sha256() == null) {
            log.warn("Rebuild from the bucket skipped {}: its metadata does not describe session #{}", videoKey,
                    sessionId);
            return false;
        }
        String stem = videoKey.substring(0, videoKey.length() - ".mp4".length());
        Optional<StoredObject> cast = store.head(stem + RawFormat.ASCIICAST.extension())
                .or(() -> store.head(stem + RawFormat.FBS.extension()));
        jdbc.sql("insert into session_record (id, user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "ended_at, end_detail, bytes_to_equipment, bytes_from_equipment, integration_id, video_key, "
                + "video_sha256, video_size, cast_key, cast_sha256) values (?, 0, ?, '', 0, ?, 0, ?, 0, ?, ?, ?, true, "
                + "?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)")
                .params(sessionId, m.get("user"), m.getOrDefault("group", ""), m.getOrDefault("asset", ""),
                        m.getOrDefault("protocol", ""), host.group(1), Integer.parseInt(host.group(2)),
                        RecordingStatus.READY.name(), Timestamp.from(start), Timestamp.from(end),
                        "Rebuilt from the bucket: how the session ended is not stored with its recording.",
                        integration, videoKey, video.sha256(), video.size(),
                        cast.map(StoredObject::key).orElse(null), cast.map(StoredObject::sha256).orElse(null))
                .update();
        recordings.event(sessionId, clock.instant(), "REBUILT", "History row recreated by " + actor
                + " from the metadata stored with " + videoKey + ".");
        return true;
    }

    /** New sessions must not take the ids the rebuilt rows brought back. */
    private void continueIdsAfterTheRebuiltRows() {
        long max = jdbc.sql("select coalesce(max(id), 0) from session_record").query(Long.class).single();
        if (postgres()) {
            jdbc.sql("select setval(pg_get_serial_sequence('session_record', 'id'), ?)").param(max)
                    .query(Long.class).single();
        } else {
            jdbc.sql("alter table session_record alter column id restart with " + (max + 1)).update();
        }
    }

    private boolean postgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
