package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.StoredRecordings;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention check marks a recording EXPIRED once the bucket's lifecycle removed its video, without
 * anyone opening it, and leaves every recording that is still there alone.
 */
class RecordingRetentionTest extends GatewayTest {

    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordingRetention retention;

    @Test
    void recordingsWhoseVideoTheBucketRemovedTurnExpiredAndTheOthersStayReady() throws Exception {
        var recordings = new StoredRecordings(store, jdbc, dataDir());
        long kept = recordings.insert("kept", new byte[] {1, 2, 3});
        long removed = recordings.insert("removed", new byte[] {4, 5, 6});
        Files.delete(recordings.objectFile(removed)); // the lifecycle rule, behind the gateway's back

        assertThat(retention.reconcile()).isPositive(); // other tests' recordings share the bucket
        assertThat(status(removed)).isEqualTo("EXPIRED");
        assertThat(status(kept)).isEqualTo("READY");
        assertThat(jdbc.sql("select detail from recording_event where session_id = ? and kind = 'EXPIRED'")
                .param(removed).query(String.class).single()).contains("retention policy");
        retention.reconcile();
        assertThat(status(kept)).isEqualTo("READY");
        assertThat(jdbc.sql("select count(*) from recording_event where session_id = ? and kind = 'EXPIRED'")
                .param(removed).query(Long.class).single()).as("expired once").isEqualTo(1);
    }

    private String status(long id) {
        return jdbc.sql("select recording_status from session_record where id = ?").param(id).query(String.class)
                .single();
    }
}
