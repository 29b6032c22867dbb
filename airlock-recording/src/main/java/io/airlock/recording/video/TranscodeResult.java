package io.airlock.recording.video;

import java.time.Duration;

/**
 * What a transcode produced.
 *
 * @param duration how long the video lasts (the recording's last event, on the frame grid)
 * @param frames frames actually encoded; far fewer than duration x 25 when the session sat idle
 * @param bytes size of the MP4 file
 */
public record TranscodeResult(Duration duration, long frames, long bytes) {
}
