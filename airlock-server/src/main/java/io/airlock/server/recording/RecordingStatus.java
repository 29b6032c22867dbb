package io.airlock.server.recording;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a session's recording stands. Changes only along {@link #canBecome(RecordingStatus) allowed
 * transitions}, each applied by compare-and-set on the history row, so two nodes or two threads never
 * both move a recording.
 */
public enum RecordingStatus {
    /** The session was not recorded (its group does not enforce recording, or it never started). */
    NONE,
    /** The session is open and written to the local spool. */
    RECORDING,
    /** The session ended; the video is being made and stored. */
    PROCESSING,
    /** The bucket cannot be reached; the upload is retried with backoff, the spool keeps everything. */
    WAITING_FOR_STORAGE,
    /** A step failed; the reason is shown and the job is retried with backoff. */
    FAILED,
    /** The video and the raw recording are in the bucket, verified by their SHA-256. */
    READY,
    /**
     * The bucket no longer holds the recording: its retention policy removed it. Retention belongs to the
     * bucket; the gateway never deletes a recording.
     */
    EXPIRED;

    /** Whether a recording in this state may move to {@code next}. */
    public boolean canBecome(RecordingStatus next) {
        return next != this && successors().contains(next);
    }

    private Set<RecordingStatus> successors() {
        return switch (this) {
            case RECORDING -> EnumSet.of(PROCESSING, NONE);
            case PROCESSING -> EnumSet.of(READY, FAILED, WAITING_FOR_STORAGE);
            // A retried upload that gets through goes straight to READY; its status said "waiting" meanwhile.
            case WAITING_FOR_STORAGE -> EnumSet.of(PROCESSING, READY, FAILED);
            case FAILED -> EnumSet.of(PROCESSING);
            case READY -> EnumSet.of(EXPIRED);
            case NONE, EXPIRED -> EnumSet.noneOf(RecordingStatus.class);
        };
    }

    /** Session History's Recorded column: Yes only once the video is in the bucket (seed). */
    public boolean recorded() {
        return this == READY;
    }

    /** Still owned by a node's spool, with work left to do. */
    public boolean unfinished() {
        return this == RECORDING || this == PROCESSING || this == WAITING_FOR_STORAGE || this == FAILED;
    }
}
