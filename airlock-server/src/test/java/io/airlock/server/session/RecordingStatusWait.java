package io.airlock.server.session;

import io.airlock.server.recording.RecordingStatus;
import java.time.Duration;

/** Waits for a session's recording to reach a status; the caller asserts what it found. */
final class RecordingStatusWait {

    private RecordingStatusWait() {
    }

    /** The row once its recording status is {@code wanted}, or as it is when the time is up. */
    static SessionRecord until(SessionRecordRepository records, long id, RecordingStatus wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SessionRecord row = records.find(id).orElseThrow();
        while (row.recordingStatus() != wanted && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return row;
            }
            row = records.find(id).orElseThrow();
        }
        return row;
    }
}
