package io.airlock.server.recording;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where a session's objects live in the bucket, under the integration's prefix. */
record RecordingKeys(String video, String cast) {

    /** Every recording's objects are under this, relative to the integration's prefix. */
    static final String ROOT = "recordings/";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** {@code recordings/YYYY/MM/DD/<session-id>.mp4} and {@code .cast} beside it; the date is the UTC start. */
    static RecordingKeys of(long sessionId, Instant startedAt) {
        String stem = ROOT + DAY.format(startedAt) + "/" + sessionId;
        return new RecordingKeys(stem + ".mp4", stem + ".cast");
    }
}
