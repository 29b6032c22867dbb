package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.Protocol;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.support.GatewayTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How this gateway treats sessions other gateway nodes sharing its database run: those of a node whose
 * heartbeat stopped are ended, once, as "Gateway node stopped"; those of a node that is alive are left alone.
 * The other nodes are rows in the database here; two real gateway processes are in SeveralGatewaysTest.
 */
class ClusterSessionsTest extends GatewayTest {

    @Autowired
    ClusterSessions cluster;

    @Autowired
    SessionRecordRepository records;

    @Autowired
    JdbcClient jdbc;

    private void node(String id, Instant heartbeat, boolean stopped) {
        jdbc.sql("insert into gateway_node (node_id, address, key_id, key_shared, embedded_s3, started_at, "
                        + "heartbeat_at, stopped_at) values (?, 'http://127.0.0.1:9', 'abcd0123', true, false, ?, ?, ?)")
                .params(id, Timestamp.from(heartbeat), Timestamp.from(heartbeat),
                        stopped ? Timestamp.from(heartbeat) : null)
                .update();
    }

    private long sessionOn(String node, RecordingStatus status) {
        var launch = new Launch(1, "remote-operator", "10.2.2.2", 1, "Remote plant", 1, "Remote PLC", 1, Protocol.SSH,
                "10.30.0.7", 22, status == RecordingStatus.RECORDING, false, "operator");
        return records.start(launch, status, Instant.now(), node, null);
    }

    private String endReason(long id) {
        return records.find(id).orElseThrow().endReason() == null ? null
                : records.find(id).orElseThrow().endReason().name();
    }

    private long audited(long id) {
        return jdbc.sql("select count(*) from audit_event where action = 'session.node-stopped' and detail like ?")
                .param("#" + id + " %").query(Long.class).single();
    }

    @Test
    void theSessionsOfANodeWhoseHeartbeatStoppedAreEndedOnce() {
        node("silent-node", Instant.now().minus(Duration.ofMinutes(2)), false);
        long id = sessionOn("silent-node", RecordingStatus.NONE);

        cluster.sweep();
        cluster.sweep();

        assertThat(endReason(id)).isEqualTo("NODE_STOPPED");
        assertThat(records.find(id).orElseThrow().endDetail()).contains("silent-node");
        assertThat(audited(id)).isEqualTo(1);
    }

    @Test
    void aNodeThatStoppedHasItsLeftoverSessionsEndedAndTheirRecordingsWaitForIt() {
        node("stopped-node", Instant.now(), true);
        long id = sessionOn("stopped-node", RecordingStatus.RECORDING);

        cluster.sweep();

        assertThat(endReason(id)).isEqualTo("NODE_STOPPED");
        assertThat(records.find(id).orElseThrow().recordingStatus())
                .as("the recording is in that node's spool: it stays there until the node returns")
                .isEqualTo(RecordingStatus.RECORDING);
        assertThat(records.endedWhileRecordingOn("stopped-node")).contains(id);
    }

    @Test
    void theSessionsOfALiveNodeAreLeftAlone() {
        node("busy-node", Instant.now().plus(Duration.ofMinutes(5)), false);
        long id = sessionOn("busy-node", RecordingStatus.NONE);

        cluster.sweep();

        assertThat(endReason(id)).isNull();
        jdbc.sql("update session_record set ended_at = ?, end_reason = 'CLOSED_BY_USER' where id = ?")
                .params(Timestamp.from(Instant.now()), id).update();
        jdbc.sql("delete from gateway_node where node_id = 'busy-node'").update();
    }
}
