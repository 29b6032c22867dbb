package io.airlock.server.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recording columns of session history and the recording's timeline. */
@Repository
class RecordingRepository {

    private final JdbcClient jdbc;

    RecordingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recording as the pipeline needs it. */
    record State(long sessionId, RecordingStatus status, String nodeId, Long integrationId, int attempts,
            String openUploadKey, String openUploadId, String videoKey, String videoSha256) {
    }

    Optional<State> state(long sessionId) {
        return jdbc.sql("select id, recording_status, node_id, integration_id, recording_attempts, open_upload_key, "
                + "open_upload_id, video_key, video_sha256 from session_record where id = ?").param(sessionId)
                .query(RecordingRepository::mapState).optional();
    }

    /**
     * Moves a recording from one status to another if it is still in the first (compare-and-set).
     *
     * @return whether this call made the change
     */
    boolean transition(long sessionId, RecordingStatus from, RecordingStatus to, String detail) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("A recording cannot go from " + from + " to " + to);
        }
        return jdbc.sql("update session_record set recording_status = ?, recording_detail = ?, recording_progress = "
                + "null where id = ? and recording_status = ?")
                .params(to.name(), truncate(detail), sessionId, from.name()).update() == 1;
    }

    /**
     * A stored recording whose video the bucket no longer holds: EXPIRED, with the reason in its timeline.
     *
     * @return whether this call made the change (false when it was no longer READY)
     */
    boolean expire(long sessionId, String videoKey, Instant at) {
        if (!transition(sessionId, RecordingStatus.READY, RecordingStatus.EXPIRED,
                "Expired by the bucket's retention policy.")) {
            return false;
        }
        event(sessionId, at, "EXPIRED", "The bucket no longer holds " + videoKey
                + ": its retention policy removed it (the gateway never deletes recordings).");
        return true;
    }

    /** Progress of a step within PROCESSING, shown beside the status. */
    void progress(long sessionId, String detail, Integer percent) {
        jdbc.sql("update session_record set recording_detail = ?, recording_progress = ? where id = ? and "
                + "recording_status = ?").params(truncate(detail), percent, sessionId, RecordingStatus.PROCESSING.name())
                .update();
    }

    /** A new reason for the status a recording stays in. */
    void describe(long sessionId, RecordingStatus status, String detail) {
        jdbc.sql("update session_record set recording_detail = ? where id = ? and recording_status = ?")
                .params(truncate(detail), sessionId, status.name()).update();
    }

    void countAttempt(long sessionId) {
        jdbc.sql("update session_record set recording_attempts = recording_attempts + 1 where id = ?")
                .param(sessionId).update();
    }

    void openUpload(long sessionId, String key, String uploadId) {
        jdbc.sql("update session_record set open_upload_key = ?, open_upload_id = ? where id = ?")
                .params(key, uploadId, sessionId).update();
    }

    void clearOpenUpload(long sessionId) {
        openUpload(sessionId, null, null);
    }

    void stored(long sessionId, String videoKey, String videoSha256, long videoSize, String castKey,
            String castSha256, boolean tagsApplied) {
        jdbc.sql("update session_record set video_key = ?, video_sha256 = ?, video_size = ?, cast_key = ?, "
                + "cast_sha256 = ?, tags_applied = ?, open_upload_key = null, open_upload_id = null where id = ?")
                .params(videoKey, videoSha256, videoSize, castKey, castSha256, tagsApplied, sessionId).update();
    }

    void event(long sessionId, Instant at, String kind, String detail) {
        jdbc.sql("insert into recording_event (session_id, at, kind, detail) values (?, ?, ?, ?)")
                .params(sessionId, Timestamp.from(at), kind, truncate(detail)).update();
    }

    List<RecordingAudit.TimelineEntry> timeline(long sessionId) {
        return jdbc.sql("select at, kind, detail from recording_event where session_id = ? order by id")
                .param(sessionId)
                .query((rs, n) -> new RecordingAudit.TimelineEntry(rs.getTimestamp("at").toInstant(),
                        rs.getString("kind"), rs.getString("detail")))
                .list();
    }

    /** Recordings of this node that still have work to do (for the restart after a crash). */
    List<Long> unfinishedOn(String nodeId) {
        return jdbc.sql("select id from session_record where node_id = ? and recording_status in (?, ?, ?) "
                + "and ended_at is not null order by id")
                .params(nodeId, RecordingStatus.PROCESSING.name(), RecordingStatus.WAITING_FOR_STORAGE.name(),
                        RecordingStatus.FAILED.name())
                .query(Long.class).list();
    }

    /** Recordings that were still being written when this node stopped without ending them. */
    List<Long> interruptedOn(String nodeId) {
        return jdbc.sql("select id from session_record where node_id = ? and recording_status = ? order by id")
                .params(nodeId, RecordingStatus.RECORDING.name()).query(Long.class).list();
    }

    /** Rows spooled before gateways had node names belong to the node that finds them first. */
    int adoptUnnamed(String nodeId) {
        return jdbc.sql("update session_record set node_id = ? where node_id is null and recording_status in "
                + "(?, ?, ?, ?)").params(nodeId, RecordingStatus.RECORDING.name(), RecordingStatus.PROCESSING.name(),
                        RecordingStatus.WAITING_FOR_STORAGE.name(), RecordingStatus.FAILED.name())
                .update();
    }

    private static State mapState(ResultSet rs, int row) throws SQLException {
        long integration = rs.getLong("integration_id");
        Long integrationId = rs.wasNull() ? null : integration;
        return new State(rs.getLong("id"), RecordingStatus.valueOf(rs.getString("recording_status")),
                rs.getString("node_id"), integrationId, rs.getInt("recording_attempts"),
                rs.getString("open_upload_key"), rs.getString("open_upload_id"), rs.getString("video_key"),
                rs.getString("video_sha256"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1021) + "…";
    }
}
