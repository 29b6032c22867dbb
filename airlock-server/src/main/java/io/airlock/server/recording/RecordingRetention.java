package io.airlock.server.recording;

import io.airlock.server.storage.RecordingStore;
import io.airlock.server.storage.RecordingStore.StoredObject;
import io.airlock.server.storage.StorageException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention belongs to the bucket: its lifecycle rule removes old recordings, the gateway never deletes one.
 * This finds the stored recordings whose video is gone, listing each integration's recordings once, and
 * marks them EXPIRED without waiting for someone to click View. A key missing from the listing is confirmed
 * with a HEAD of its own before anything is marked, so a listing that comes back short (a permission
 * taken away, a store that lists lazily) never expires recordings that are still there.
 */
@Component
class RecordingRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

    private final JdbcClient jdbc;
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final Clock clock;

    RecordingRetention(JdbcClient jdbc, RecordingRepository recordings, RecordingStore store, Clock clock) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.store = store;
        this.clock = clock;
    }

    private record Stored(long sessionId, String videoKey) {
    }

    /** @return how many recordings turned EXPIRED */
    int reconcile() {
        int expired = 0;
        List<Long> integrations = jdbc.sql("select distinct integration_id from session_record where "
                + "recording_status = ? and integration_id is not null").param(RecordingStatus.READY.name())
                .query(Long.class).list();
        for (long integration : integrations) {
            try {
                expired += reconcile(integration);
            } catch (StorageException e) {
                log.warn("Recordings in integration #{} were not checked against the bucket's retention: {}",
                        integration, e.getMessage());
            }
        }
        if (expired > 0) {
            log.info("{} recording(s) expired by their bucket's retention policy", expired);
        }
        return expired;
    }

    private int reconcile(long integration) {
        RecordingStore bucket = store.integration(integration);
        Set<String> present = bucket.list(RecordingKeys.ROOT, Integer.MAX_VALUE).stream().map(StoredObject::key)
                .collect(Collectors.toSet());
        List<Stored> stored = jdbc.sql("select id, video_key from session_record where recording_status = ? and "
                + "integration_id = ? and video_key is not null").params(RecordingStatus.READY.name(), integration)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("video_key"))).list();
        int expired = 0;
        for (Stored recording : stored) {
            if (!present.contains(recording.videoKey()) && bucket.head(recording.videoKey()).isEmpty()
                    && recordings.expire(recording.sessionId(), recording.videoKey(), clock.instant())) {
                expired++;
            }
        }
        return expired;
    }
}
