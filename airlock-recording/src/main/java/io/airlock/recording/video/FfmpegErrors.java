package io.airlock.recording.video;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/** Turns FFmpeg's negative error codes into words. */
final class FfmpegErrors {

    private FfmpegErrors() {
    }

    static String describe(int code) {
        try (BytePointer text = new BytePointer(256)) {
            return av_strerror(code, text, 256) == 0 ? text.getString() + " (" + code + ")" : "error " + code;
        }
    }
}
