package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes one evidence video from a replay, whatever kind of recording it plays: the encoder on a thread
 * of its own, the file written beside its name and moved into place only whole, deleted on any failure.
 */
final class EvidenceVideo {

    /** Plays a recording into pictures. */
    @FunctionalInterface
    interface Replay {
        /** {@return the video's length in ticks} */
        long play(Letterbox letterbox, FrameSink sink) throws IOException, RecordingFormatException, VideoException;
    }

    private EvidenceVideo() {
    }

    static TranscodeResult write(VideoSpec spec, X264Settings settings, Path video, Replay replay)
            throws IOException, RecordingFormatException, VideoException {
        Path partial = VideoFile.partial(video);
        boolean done = false;
        try {
            long ticks;
            long frames;
            try (Letterbox letterbox = Letterbox.create(spec);
                    Mp4Encoder encoder = Mp4Encoder.create(partial, spec, settings);
                    EncodingThread encoding = new EncodingThread(encoder, spec)) {
                ticks = replay.play(letterbox, encoding);
                encoding.drain();
                encoder.finish();
                frames = encoder.frames();
            }
            VideoFile.moveIntoPlace(partial, video); // after the encoder closed the file
            done = true;
            return new TranscodeResult(Duration.ofNanos(ticks * 1_000_000_000L / spec.framesPerSecond()), frames,
                    Files.size(video));
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }
}
