package io.airlock.recording.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** Keeps FFmpeg's own chatter (encoder statistics, muxer notes) off stderr; errors still show. */
final class FfmpegLog {

    private static volatile boolean quiet;

    private FfmpegLog() {
    }

    static void quiet() {
        if (!quiet) {
            av_log_set_level(AV_LOG_ERROR);
            quiet = true;
        }
    }
}
