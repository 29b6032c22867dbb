package io.airlock.recording.video;

/** Told how far into the recording the transcoder is; called often, so keep it cheap. */
@FunctionalInterface
public interface TranscodeProgress {

    TranscodeProgress NONE = seconds -> { };

    void reached(double seconds);
}
