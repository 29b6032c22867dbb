package io.airlock.server.recording;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.video.VideoException;
import io.airlock.server.recording.RecordingRepository.State;
import io.airlock.server.search.RecordingText;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.storage.RecordingStore.StoredObject;
import io.airlock.server.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps from an ended session's spool file to a verified video in the bucket: finish the spool file,
 * transcode it, upload the video and the raw recording, verify both by SHA-256, record the result, and
 * only then delete the spool. Every step can run again after a crash at any point: the video appears in
 * the spool only whole, an upload of identical content is skipped, a multipart upload a crash left open
 * is aborted first, and the spool stays until the bucket holds the same bytes.
 */
@Component
class RecordingPipeline {

    private static final Logger log = LoggerFactory.getLogger(RecordingPipeline.class);
    static final String VIDEO_TYPE = "video/mp4";
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(500).toNanos();

    private final RecordingRepository recordings;
    private final SessionRecordRepository sessions;
    private final RecordingSpool spool;
    private final RecordingStore store;
    private final Clock clock;
    private final EvidenceTranscoder transcoder;
    private final RecordingText text;

    RecordingPipeline(RecordingRepository recordings, SessionRecordRepository sessions, RecordingSpool spool,
            RecordingStore store, Clock clock, EvidenceTranscoder transcoder, RecordingText text) {
        this.transcoder = transcoder;
        this.text = text;
        this.recordings = recordings;
        this.sessions = sessions;
        this.spool = spool;
        this.store = store;
        this.clock = clock;
    }

    /** A step failed in a way worth retrying later; the status already says why. */
    static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean storage;

        StepFailed(String message, boolean storage, Throwable cause) {
            super(message, cause);
            this.storage = storage;
        }

        /** The bucket could not be reached (as opposed to a broken recording or a refused request). */
        boolean storage() {
            return storage;
        }
    }

    /** Runs the steps that are left for one session's recording. */
    void process(long sessionId) throws StepFailed {
        State state = recordings.state(sessionId).orElse(null);
        if (state == null || !state.status().unfinished() || state.status() == RecordingStatus.RECORDING) {
            return; // already READY, never recorded, or its session is still open
        }
        SessionRecord session = sessions.find(sessionId).orElseThrow();
        RecordingStatus status = state.status();
        if (status == RecordingStatus.FAILED) {
            recordings.transition(sessionId, status, RecordingStatus.PROCESSING, "Retrying.");
            recordings.event(sessionId, clock.instant(), "RETRY", "Retrying after the failure shown above.");
            status = RecordingStatus.PROCESSING;
        }
        recordings.countAttempt(sessionId);
        Path raw = spool.recordingFile(sessionId);
        RawFormat format = RawFormat.of(raw);
        Path video = spool.videoFile(sessionId);
        try {
            finishSpool(sessionId, raw, format);
            if (!Files.exists(video)) { // else it was encoded while the session ran, or by an earlier attempt
                transcode(session, raw, video);
            }
            Destination destination = destination(state);
            RecordingStore target = destination.store();
            RecordingKeys keys = RecordingKeys.of(sessionId, session.startedAt(), format);
            recordings.progress(sessionId, "Uploading to the bucket.", null);
            Map<String, String> metadata = metadata(session);
            if (state.openUploadId() != null) {
                boolean aborted = target.abortUpload(state.openUploadKey(), state.openUploadId());
                recordings.event(sessionId, clock.instant(), "UPLOAD_ABORTED", aborted
                        ? "An upload interrupted by a restart was aborted; it starts afresh."
                        : "An upload interrupted by a restart could not be aborted (no s3:AbortMultipartUpload); "
                                + "the bucket's lifecycle rule removes its parts.");
                recordings.clearOpenUpload(sessionId);
            }
            StoredObject storedVideo = upload(target, sessionId, keys.video(), video, VIDEO_TYPE, metadata);
            StoredObject storedRaw = upload(target, sessionId, keys.raw(), raw, format.contentType(), metadata);
            verify(target, storedVideo);
            verify(target, storedRaw);
            recordings.event(sessionId, clock.instant(), "UPLOADED", "Stored " + keys.video() + " ("
                    + storedVideo.size() + " bytes) and " + keys.raw() + " (" + storedRaw.size() + " bytes) in "
                    + destination.label() + "; SHA-256 verified in the bucket: " + storedVideo.sha256() + ".");
            boolean tagged = storedVideo.tagging().applied() && storedRaw.tagging().applied();
            recordings.event(sessionId, clock.instant(), tagged ? "TAGS_APPLIED" : "METADATA_ONLY", tagged
                    ? "The session metadata is stored as object tags and as object metadata."
                    : firstNonNull(storedVideo.tagging().note(), storedRaw.tagging().note(),
                            "The session metadata is stored as object metadata."));
            recordings.stored(sessionId, keys.video(), storedVideo.sha256(), storedVideo.size(), keys.raw(),
                    storedRaw.sha256(), tagged);
            if (!recordings.transition(sessionId, status, RecordingStatus.READY, null)) {
                throw new IllegalStateException("recording #" + sessionId + " changed status while it was processed");
            }
            recordings.event(sessionId, clock.instant(), "READY", "The recording is ready to view and download.");
            if (format == RawFormat.ASCIICAST) {
                // Search indexes the spool copy while it is here; what this misses, its catch-up reads from the
                // bucket. A desktop's pixels hold no text to search.
                text.indexSpooled(sessionId, raw);
            }
            // The bucket holds the same bytes now: only then does the spool let go.
            Files.deleteIfExists(video);
            Files.deleteIfExists(raw);
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.UNAVAILABLE || serverError(e)) {
                fail(sessionId, status, RecordingStatus.WAITING_FOR_STORAGE, "The bucket cannot be reached ("
                        + e.getMessage() + "). The recording is kept on the gateway and the upload is retried.", e, true);
            }
            fail(sessionId, status, RecordingStatus.FAILED, e.getMessage() + " The recording is kept on the gateway and "
                    + "the upload is retried.", e, false);
        } catch (IOException | RecordingFormatException | VideoException e) {
            fail(sessionId, status, RecordingStatus.FAILED, "The video could not be made (" + e.getMessage()
                    + "). The recording is kept on the gateway at " + raw + " and the step is retried.", e, false);
        } catch (RuntimeException e) {
            // Whatever else went wrong is shown too, never left as a silent PROCESSING.
            fail(sessionId, status, RecordingStatus.FAILED, "The recording could not be stored (" + e
                    + "). It is kept on the gateway at " + raw + " and the step is retried.", e, false);
        }
    }

    /** Cuts what a crash left half written at the spool file's end, and says so in the timeline. */
    private void finishSpool(long sessionId, Path raw, RawFormat format) throws IOException {
        long cut = format == RawFormat.FBS ? FbsSpoolFile.finish(raw) : SpoolFile.finish(raw);
        if (cut > 0) {
            recordings.event(sessionId, clock.instant(), "SPOOL_REPAIRED", "The last " + cut + " bytes, half "
                    + (format == RawFormat.FBS ? "a block" : "a line") + " written when the gateway stopped, were cut "
                    + "from the recording.");
        }
    }

    private void transcode(SessionRecord session, Path raw, Path video)
            throws IOException, RecordingFormatException, VideoException {
        long sessionId = session.id();
        double length = Math.max(0.001, Duration.between(session.startedAt(),
                session.endedAt() == null ? clock.instant() : session.endedAt()).toNanos() / 1e9);
        var progress = new ProgressReporter(sessionId, length);
        progress.report(0);
        // Written beside the video and moved into place whole: a crash leaves no video to upload half of.
        var result = transcoder.transcode(raw, video, progress);
        recordings.progress(sessionId, "Transcoded.", 100);
        recordings.event(sessionId, clock.instant(), "TRANSCODED", "H.264 640x480 25 fps, "
                + String.format(java.util.Locale.ROOT, "%.1f", result.duration().toMillis() / 1000.0) + " s, "
                + result.frames() + " frames, " + result.bytes() + " bytes.");
    }

    /** Writes the transcoder's progress to the row at most twice a second. */
    private final class ProgressReporter implements io.airlock.recording.video.TranscodeProgress {
        private final long sessionId;
        private final double length;
        private long lastAt = System.nanoTime();
        private int lastPercent = -1;

        ProgressReporter(long sessionId, double length) {
            this.sessionId = sessionId;
            this.length = length;
        }

        @Override
        public void reached(double seconds) {
            int percent = (int) Math.min(99, Math.max(0, seconds * 100 / length));
            long now = System.nanoTime();
            if (percent != lastPercent && now - lastAt >= PROGRESS_INTERVAL_NANOS) {
                report(percent);
                lastAt = now;
            }
        }

        void report(int percent) {
            lastPercent = percent;
            recordings.progress(sessionId, "Transcoding to MP4.", percent);
        }
    }

    private StoredObject upload(RecordingStore target, long sessionId, String key, Path file, String type,
            Map<String, String> metadata) {
        return target.put(key, file, type, metadata, metadata,
                uploadId -> recordings.openUpload(sessionId, key, uploadId));
    }

    /** The bucket must hold exactly the bytes the spool holds before the spool lets go of them. */
    private static void verify(RecordingStore target, StoredObject uploaded) {
        StoredObject head = target.head(uploaded.key()).orElseThrow(() -> new StorageException(
                StorageException.Reason.REJECTED, "The bucket does not show " + uploaded.key() + " after it was "
                        + "uploaded."));
        if (head.size() != uploaded.size() || !uploaded.sha256().equals(head.sha256())) {
            throw new StorageException(StorageException.Reason.REJECTED, "The bucket holds " + uploaded.key()
                    + " with other content (" + head.size() + " bytes, SHA-256 " + head.sha256() + ") than the "
                    + "gateway uploaded (" + uploaded.size() + " bytes, SHA-256 " + uploaded.sha256() + ").");
        }
    }

    /** Where a recording goes, and how the timeline names it. */
    private record Destination(RecordingStore store, String label) {
    }

    /** The integration active when the session started, unless it was deleted since: then the active one. */
    private Destination destination(State state) {
        if (state.integrationId() != null) {
            var name = store.integrationName(state.integrationId());
            if (name.isPresent()) {
                return new Destination(store.integration(state.integrationId()), "'" + name.get() + "'");
            }
        }
        return new Destination(store, "the active integration '" + store.activeIntegration().orElse("?")
                + "' (the session's own integration was deleted)");
    }

    /** The session's metadata, stored with both objects. */
    static Map<String, String> metadata(SessionRecord s) {
        var m = new LinkedHashMap<String, String>();
        m.put("session-id", Long.toString(s.id()));
        m.put("user", s.username());
        m.put("group", s.groupName());
        m.put("asset", s.assetName());
        m.put("protocol", s.protocol());
        m.put("host", s.host() + ":" + s.port());
        m.put("start", s.startedAt().toString());
        Instant end = s.endedAt() == null ? s.startedAt() : s.endedAt();
        m.put("end", end.toString());
        m.put("duration", Duration.between(s.startedAt(), end).toString());
        return m;
    }

    private static boolean serverError(StorageException e) {
        return e.getCause() instanceof software.amazon.awssdk.services.s3.model.S3Exception s3
                && s3.statusCode() >= 500 && s3.statusCode() != 501;
    }

    private void fail(long sessionId, RecordingStatus from, RecordingStatus to, String reason, Exception cause,
            boolean storage) throws StepFailed {
        if (from != to) {
            recordings.transition(sessionId, from, to, reason);
        } else {
            recordings.describe(sessionId, to, reason);
        }
        recordings.event(sessionId, clock.instant(), to.name(), reason);
        log.warn("Recording of session #{}: {}", sessionId, reason);
        throw new StepFailed(reason, storage, cause);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
