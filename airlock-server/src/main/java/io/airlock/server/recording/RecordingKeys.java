package io.airlock.server.recording;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a session's objects live in the bucket, under the integration's prefix.
 *
 * @param video the evidence video
 * @param raw the raw recording: asciicast ({@code .cast}) for a terminal, FBS ({@code .fbs}) for a desktop
 */
record RecordingKeys(String video, String raw) {

    /** Every recording's objects are under this, relative to the integration's prefix. */
    static final String ROOT = "recordings/";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** {@code recordings/YYYY/MM/DD/<session-id>.mp4} and {@code .cast} beside it; the date is the UTC start. */
    static RecordingKeys of(long sessionId, Instant startedAt) {
        return of(sessionId, startedAt, RawFormat.ASCIICAST);
    }

    /** As {@link #of(long, Instant)}, with the raw recording in {@code format} beside the video. */
    static RecordingKeys of(long sessionId, Instant startedAt, RawFormat format) {
        String stem = ROOT + DAY.format(startedAt) + "/" + sessionId;
        return new RecordingKeys(stem + ".mp4", stem + format.extension());
    }
}
