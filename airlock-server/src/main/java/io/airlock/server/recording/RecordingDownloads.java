package io.airlock.server.recording;

import io.airlock.server.config.Sha256;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.storage.RecordingStore.StoredObject;
import io.airlock.server.storage.StorageException;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * View Inline Recording and Download Inline Recording: finds a session's recording in its bucket for
 * System Admins and Access Admins, checks that the bucket still holds what the gateway stored, and writes
 * who looked at it into the audit trail and the recording's timeline.
 *
 * <p>Before an object is first served its whole content is read through SHA-256 and compared with the hash
 * recorded when it was stored; the outcome is remembered per object version (size and modification time),
 * so seeking in the player costs no second read. An object altered behind the gateway's back is never
 * served: the request gets a tamper warning and the finding is audited once per version. An object the
 * bucket's retention policy removed turns the recording EXPIRED.
 */
@Service
public class RecordingDownloads {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The two objects of a recording: its evidence video and the raw recording (asciicast or FBS). */
    public enum Kind {
        VIDEO("video/mp4", ".mp4", "video_key", "video_sha256"),
        CAST("application/x-asciicast", ".cast", "cast_key", "cast_sha256");

        private final String contentType;
        private final String extension;
        private final String keyColumn;
        private final String shaColumn;

        Kind(String contentType, String extension, String keyColumn, String shaColumn) {
            this.contentType = contentType;
            this.extension = extension;
            this.keyColumn = keyColumn;
            this.shaColumn = shaColumn;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * A recording object ready to be served.
     *
     * @param fileName {@code <asset>_<user>_<yyyymmdd-hhmmss>} and the extension, safe as a file name
     */
    public record Located(RecordingStore store, String key, long size, String fileName, String contentType) {
    }

    private record Row(String status, Long integrationId, String key, String sha256, String assetName,
            String username, Instant startedAt) {
    }

    private final JdbcClient jdbc;
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final AuditLog audit;
    private final Clock clock;
    /** How long a check of an object version holds before the next request reads it through again. */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(5);
    /** Repeated openings by one person within this time are one view in the audit trail. */
    static final Duration ONE_VIEW = Duration.ofMinutes(1);

    private record Check(boolean matches, Instant at) {
    }

    /** Object versions ({@code key size modified}) read through SHA-256, and whether they matched. */
    private final Map<String, Check> checked = new ConcurrentHashMap<>();
    /** When each person last opened each recording object (actor, session, kind, download). */
    private final Map<String, Instant> opened = new ConcurrentHashMap<>();

    RecordingDownloads(JdbcClient jdbc, RecordingRepository recordings, RecordingStore store, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Finds and checks a recording object.
     *
     * @param actor who asks, for the audit trail
     * @param opening true for the request that starts a view or a download (the player's first one), which
     *        is audited; the player's seeks are not
     * @param download whether it is a download rather than a view
     */
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    public Located locate(long sessionId, Kind kind, String actor, boolean opening, boolean download) {
        Row row = jdbc.sql("select recording_status, integration_id, " + kind.keyColumn + " as object_key, "
                + kind.shaColumn + " as object_sha, asset_name, username, started_at from session_record where id = ?")
                .param(sessionId)
                .query((rs, n) -> new Row(rs.getString("recording_status"), rs.getObject("integration_id", Long.class),
                        rs.getString("object_key"), rs.getString("object_sha"), rs.getString("asset_name"),
                        rs.getString("username"), rs.getTimestamp("started_at").toInstant()))
                .optional().orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No session #" + sessionId + "."));
        RecordingStatus status = RecordingStatus.valueOf(row.status());
        switch (status) {
            case READY -> {
                // Served below.
            }
            case EXPIRED -> throw expired(sessionId);
            case NONE -> throw new ApiException(Reason.NOT_FOUND, "Session #" + sessionId + " was not recorded.");
            default -> throw new ApiException(Reason.CONFLICT, "The recording of session #" + sessionId
                    + " is not in the bucket yet; it becomes available once Recorded says Yes.");
        }
        if (row.key() == null || row.integrationId() == null) {
            throw new ApiException(Reason.NOT_FOUND, "Session #" + sessionId + " has no such recording.");
        }
        RecordingStore bucket = store.integration(row.integrationId());
        StoredObject object;
        try {
            object = bucket.head(row.key()).orElse(null);
        } catch (StorageException e) {
            throw new ApiException(Reason.UNAVAILABLE, "The bucket cannot be reached: " + e.getMessage());
        }
        if (object == null) {
            if (kind == Kind.VIDEO) {
                recordings.expire(sessionId, row.key(), clock.instant());
            }
            throw expired(sessionId);
        }
        verify(sessionId, bucket, object, row.sha256(), actor);
        RawFormat raw = RawFormat.of(row.key());
        String name = kind == Kind.VIDEO ? "video" : raw == RawFormat.FBS ? "desktop recording" : "terminal recording";
        if (opening && firstOpeningInAWhile(actor + " " + sessionId + " " + kind + " " + download)) {
            String action = download ? "DOWNLOADED" : "VIEWED";
            audit.record(actor, "RECORDING_" + action, name + " of session #" + sessionId);
            recordings.event(sessionId, clock.instant(), action, (download ? "Downloaded" : "Viewed") + " the "
                    + name + " by " + actor + ".");
        }
        String fileName = safe(row.assetName()) + "_" + safe(row.username()) + "_"
                + FILE_TIME.format(row.startedAt()) + (kind == Kind.VIDEO ? kind.extension : raw.extension());
        return new Located(bucket, row.key(), object.size(), fileName,
                kind == Kind.VIDEO ? kind.contentType : raw.contentType());
    }

    /** A player opens a video more than once as it starts; those are one view in the audit trail. */
    private boolean firstOpeningInAWhile(String who) {
        Instant now = clock.instant();
        Instant before = opened.put(who, now);
        opened.values().removeIf(at -> at.isBefore(now.minus(ONE_VIEW)));
        return before == null || before.isBefore(now.minus(ONE_VIEW));
    }

    private void verify(long sessionId, RecordingStore bucket, StoredObject object, String expected, String actor) {
        // Size and modification time (to the second) name a version; a recheck after a while closes the gap of
        // an object replaced by one of the same size within the same second.
        String version = object.key() + " " + object.size() + " " + object.lastModified();
        Instant now = clock.instant();
        Check check = checked.get(version);
        if (check == null || check.at().isBefore(now.minus(RECHECK_AFTER))) {
            String actual = sha256(bucket, object);
            boolean matches = actual.equalsIgnoreCase(expected);
            Check previous = checked.put(version, new Check(matches, now));
            checked.values().removeIf(c -> c.at().isBefore(now.minus(RECHECK_AFTER)));
            check = new Check(matches, now);
            if (!matches && (previous == null || previous.matches())) {
                String detail = object.key() + " in the bucket is not what the gateway stored: its SHA-256 is "
                        + actual + ", the gateway stored " + expected + ".";
                audit.record(actor, "RECORDING_TAMPERED", "Session #" + sessionId + ": " + detail);
                recordings.event(sessionId, clock.instant(), "TAMPERED", detail);
            }
        }
        if (!check.matches()) {
            throw new ApiException(Reason.CONFLICT, "Tamper warning: the recording in the bucket is not the one the "
                    + "gateway stored (its SHA-256 differs), so it is not played. The finding is in the audit trail.");
        }
    }

    private static String sha256(RecordingStore bucket, StoredObject object) {
        if (object.size() == 0) {
            return Sha256.hex("");
        }
        try (InputStream in = bucket.getRange(object.key(), 0, object.size() - 1)) {
            return Sha256.hex(in);
        } catch (IOException | StorageException e) {
            throw new ApiException(Reason.UNAVAILABLE, "The recording could not be read from the bucket to check it: "
                    + e.getMessage());
        }
    }

    private static ApiException expired(long sessionId) {
        return new ApiException(Reason.GONE, "The recording of session #" + sessionId
                + " expired by the bucket's retention policy.");
    }

    /** Letters, digits, dot, dash and underscore stay; anything else a file system might refuse becomes "_". */
    static String safe(String part) {
        String cleaned = part.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
