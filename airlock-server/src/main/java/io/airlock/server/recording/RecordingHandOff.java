package io.airlock.server.recording;

import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Where a session hands its recording to the pipeline. {@link #ended} runs inside the transaction that
 * ends the session's history row, so the row is ended exactly when its job exists.
 */
@Component
public class RecordingHandOff {

    private final RecordingRepository recordings;
    private final RecordingJobs jobs;
    private final Clock clock;

    RecordingHandOff(RecordingRepository recordings, RecordingJobs jobs, Clock clock) {
        this.recordings = recordings;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The session's first byte goes to the spool from now on. */
    public void started(long sessionId, String integrationName) {
        recordings.event(sessionId, clock.instant(), "STARTED", "Recording to the spool of this gateway; it will be "
                + "stored in '" + integrationName + "'.");
    }

    /**
     * The session ended and its spool file is closed: the recording goes to PROCESSING and its job is
     * scheduled. Call it inside the transaction that ends the history row.
     */
    public void ended(long sessionId, String how) {
        if (recordings.transition(sessionId, RecordingStatus.RECORDING, RecordingStatus.PROCESSING, "Queued.")) {
            recordings.event(sessionId, clock.instant(), "ENDED", how);
            jobs.schedule(sessionId);
        }
    }

    /**
     * Another node ended the session because the node recording it stopped: its recording stays in that
     * node's spool, and {@link #ended} hands it over when that node starts again.
     */
    public void endedElsewhere(long sessionId, String how) {
        recordings.state(sessionId).filter(state -> state.status() == RecordingStatus.RECORDING)
                .ifPresent(state -> recordings.event(sessionId, clock.instant(), "NODE_STOPPED", how));
    }

    /** The session never opened: there is nothing to keep as evidence. */
    public void discarded(long sessionId) {
        recordings.transition(sessionId, RecordingStatus.RECORDING, RecordingStatus.NONE, null);
    }
}
