package io.airlock.server.recording;

import io.airlock.server.storage.RecordingStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What View Full Auditing Info shows of a session's recording: where it is stored and its timeline. */
@Component
public class RecordingAudit {

    private final JdbcClient jdbc;
    private final RecordingRepository recordings;
    private final RecordingStore store;

    RecordingAudit(JdbcClient jdbc, RecordingRepository recordings, RecordingStore store) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.store = store;
    }

    /**
     * @param integrationName the integration the recording goes or went to; null when not recorded or deleted
     * @param bucket that integration's bucket, and {@code keyPrefix} the prefix its keys are under; null likewise
     * @param tagsApplied whether the metadata is stored as object tags too; null until stored
     */
    public record Info(String integrationName, String bucket, String keyPrefix, String videoKey, String videoSha256, Long videoSize, String castKey,
            String castSha256, Boolean tagsApplied, int attempts, List<TimelineEntry> timeline) {
    }

    /** One line of the recording's timeline. */
    public record TimelineEntry(Instant at, String kind, String detail) {
    }

    public Optional<Info> of(long sessionId) {
        return jdbc.sql("select s.integration_id, i.bucket, i.key_prefix, s.video_key, s.video_sha256, s.video_size, "
                + "s.cast_key, s.cast_sha256, s.tags_applied, s.recording_attempts from session_record s "
                + "left join storage_integration i on i.id = s.integration_id where s.id = ?").param(sessionId)
                .query((rs, n) -> {
                    long integration = rs.getLong("integration_id");
                    String name = rs.wasNull() ? null : store.integrationName(integration).orElse(null);
                    return new Info(name, name == null ? null : rs.getString("bucket"),
                            name == null ? null : rs.getString("key_prefix"), rs.getString("video_key"),
                            rs.getString("video_sha256"), rs.getObject("video_size", Long.class), rs.getString("cast_key"),
                            rs.getString("cast_sha256"), rs.getObject("tags_applied", Boolean.class),
                            rs.getInt("recording_attempts"), recordings.timeline(sessionId));
                })
                .optional();
    }
}
