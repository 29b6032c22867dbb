package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingStatusTest {

    @Test
    void aRecordingMovesOnlyForwardAndOnlyTheBucketsRetentionEndsReady() {
        assertThat(RecordingStatus.RECORDING.canBecome(RecordingStatus.PROCESSING)).isTrue();
        assertThat(RecordingStatus.RECORDING.canBecome(RecordingStatus.READY)).isFalse();
        assertThat(RecordingStatus.PROCESSING.canBecome(RecordingStatus.WAITING_FOR_STORAGE)).isTrue();
        assertThat(RecordingStatus.WAITING_FOR_STORAGE.canBecome(RecordingStatus.READY)).isTrue();
        assertThat(RecordingStatus.FAILED.canBecome(RecordingStatus.READY)).isFalse();
        assertThat(RecordingStatus.FAILED.canBecome(RecordingStatus.PROCESSING)).isTrue();
        for (RecordingStatus next : RecordingStatus.values()) {
            assertThat(RecordingStatus.READY.canBecome(next)).isEqualTo(next == RecordingStatus.EXPIRED);
            assertThat(RecordingStatus.NONE.canBecome(next)).isFalse();
            assertThat(RecordingStatus.EXPIRED.canBecome(next)).isFalse();
        }
        assertThat(RecordingStatus.EXPIRED.recorded()).isFalse();
        assertThat(RecordingStatus.EXPIRED.unfinished()).isFalse();
        assertThat(RecordingStatus.READY.recorded()).isTrue();
        assertThat(RecordingStatus.WAITING_FOR_STORAGE.recorded()).isFalse();
    }

    @Test
    void retriesBackOffByDoublingUpToTheirCeiling() {
        Duration first = RecordingJobs.STORAGE_RETRY;
        Duration max = Duration.ofMinutes(2);
        assertThat(RecordingJobs.Backoff.delay(1, first, max)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RecordingJobs.Backoff.delay(2, first, max)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RecordingJobs.Backoff.delay(5, first, max)).isEqualTo(Duration.ofSeconds(80));
        assertThat(RecordingJobs.Backoff.delay(6, first, max)).isEqualTo(max);
        assertThat(RecordingJobs.Backoff.delay(1_000, first, max)).isEqualTo(max);
    }

    @Test
    void objectsAreKeyedByTheSessionsUtcStartDay() {
        var keys = RecordingKeys.of(42, Instant.parse("2026-01-31T23:59:59Z"));
        assertThat(keys.video()).isEqualTo("recordings/2026/01/31/42.mp4");
        assertThat(keys.raw()).isEqualTo("recordings/2026/01/31/42.cast");
    }
}
