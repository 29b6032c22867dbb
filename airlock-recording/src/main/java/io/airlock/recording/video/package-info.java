/**
 * Recordings to evidence video. {@link io.airlock.recording.video.AsciicastTranscoder} is the entry
 * point; inside, a recording flows through {@code ScreenReplay} (emulator and renderer),
 * {@code FrameScheduler} (which frames exist, which are keyframes), {@code Letterbox} (RGB to a
 * 640x480 yuv420p picture, scaled to fit), {@code EncodingThread} and {@code Mp4Encoder} (libx264 into
 * an MP4 with the index in front).
 */
package io.airlock.recording.video;
