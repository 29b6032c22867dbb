package io.airlock.server.session;

import io.airlock.server.recording.RecordingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Session history rows. */
@Repository
public class SessionRecordRepository {

    private static final String COLUMNS = "id, user_id, username, client_address, group_id, group_name, asset_id, "
            + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, recording_detail, "
            + "recording_progress, started_at, ended_at, "
            + "end_reason, end_detail, ended_by, bytes_to_equipment, bytes_from_equipment";

    private final JdbcClient jdbc;

    public SessionRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the row of a session that is opening.
     *
     * @param nodeId the gateway node that runs it (and whose spool holds its recording)
     * @param integrationId the storage integration its recording goes to; null when it is not recorded
     */
    long start(Launch launch, RecordingStatus recordingStatus, Instant at, String nodeId, Long integrationId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into session_record (user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "bytes_to_equipment, bytes_from_equipment, node_id, integration_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")
                .params(launch.userId(), launch.username(), launch.clientAddress(), launch.groupId(),
                        launch.groupName(), launch.assetId(), launch.assetName(), launch.methodId(),
                        launch.protocol().name(), launch.host(), launch.port(), launch.enforceRecording(),
                        recordingStatus.name(), Timestamp.from(at), nodeId, integrationId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Ends the row if it is still open; {@return whether this call ended it} */
    boolean end(long id, Instant at, EndReason reason, String detail, String endedBy, long toEquipment,
            long fromEquipment) {
        return jdbc.sql("update session_record set ended_at = ?, end_reason = ?, end_detail = ?, ended_by = ?, "
                + "bytes_to_equipment = ?, bytes_from_equipment = ? where id = ? and ended_at is null")
                .params(Timestamp.from(at), reason.name(), truncate(detail), endedBy, toEquipment, fromEquipment, id)
                .update() == 1;
    }

    public Optional<SessionRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from session_record where id = ?").param(id)
                .query(SessionRecordRepository::map).optional();
    }

    /**
     * One page of rows matching a condition, for Session History.
     *
     * @param where a condition over the table's columns with {@code ?} placeholders, or empty for all rows;
     *        the caller builds it from fixed fragments, never from what a client typed
     * @param orderBy columns to order by, likewise fixed fragments
     */
    public List<SessionRecord> page(String where, List<?> params, String orderBy, long offset, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(offset);
        all.add(limit);
        return jdbc.sql("select " + COLUMNS + " from session_record" + (where.isEmpty() ? "" : " where " + where)
                + " order by " + orderBy + " offset ? rows fetch next ? rows only").params(all)
                .query(SessionRecordRepository::map).list();
    }

    /** How many rows match a condition built as for {@link #page}. */
    public long count(String where, List<?> params) {
        return jdbc.sql("select count(*) from session_record" + (where.isEmpty() ? "" : " where " + where))
                .params(new ArrayList<>(params)).query(Long.class).single();
    }

    public List<SessionRecord> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from session_record order by id desc fetch first ? rows only")
                .param(limit).query(SessionRecordRepository::map).list();
    }

    /**
     * Sessions this node had open when it died (a crash leaves their rows open); rows from before
     * gateways had node names count as this node's.
     */
    List<Long> openOn(String nodeId) {
        return jdbc.sql("select id from session_record where ended_at is null and (node_id = ? or node_id is null) "
                + "order by id").param(nodeId).query(Long.class).list();
    }

    /** Sessions still open on another node, exactly that node's (for ending a dead node's sessions). */
    List<Long> openOnlyOn(String nodeId) {
        return jdbc.sql("select id from session_record where ended_at is null and node_id = ? order by id")
                .param(nodeId).query(Long.class).list();
    }

    /**
     * Sessions of this node that another node ended while they were recorded, because this node seemed dead:
     * their recordings are still to be handed to the pipeline.
     */
    List<Long> endedWhileRecordingOn(String nodeId) {
        return jdbc.sql("select id from session_record where node_id = ? and ended_at is not null "
                + "and recording_status = ? order by id").params(nodeId, RecordingStatus.RECORDING.name())
                .query(Long.class).list();
    }

    /** Which node runs each open session. */
    Map<Long, String> openSessionNodes() {
        Map<Long, String> nodes = new HashMap<>();
        jdbc.sql("select id, node_id from session_record where ended_at is null")
                .query(rs -> {
                    nodes.put(rs.getLong(1), rs.getString(2));
                });
        return nodes;
    }

    /** The byte counts of a running session, so that other nodes' live lists show them. */
    void counters(long id, long toEquipment, long fromEquipment) {
        jdbc.sql("update session_record set bytes_to_equipment = ?, bytes_from_equipment = ? where id = ? "
                + "and ended_at is null").params(toEquipment, fromEquipment, id).update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1021) + "…";
    }

    private static SessionRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        String reason = rs.getString("end_reason");
        return new SessionRecord(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                rs.getString("client_address"), rs.getLong("group_id"), rs.getString("group_name"),
                rs.getLong("asset_id"), rs.getString("asset_name"), rs.getLong("method_id"), rs.getString("protocol"),
                rs.getString("host"), rs.getInt("port"), rs.getBoolean("enforce_recording"),
                RecordingStatus.valueOf(rs.getString("recording_status")), rs.getString("recording_detail"),
                rs.getObject("recording_progress", Integer.class), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), reason == null ? null : EndReason.valueOf(reason),
                rs.getString("end_detail"), rs.getString("ended_by"), rs.getLong("bytes_to_equipment"),
                rs.getLong("bytes_from_equipment"));
    }
}
