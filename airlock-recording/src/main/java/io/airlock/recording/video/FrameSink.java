package io.airlock.recording.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Where the transcoder's pictures go: the MP4 encoder, or a benchmark that keeps them. */
interface FrameSink {

    /**
     * Takes one picture that is shown from {@code tick} until the next one.
     *
     * @param picture a yuv420p frame in the video's size; the sink copies what it keeps
     * @param tick the frame's position on the video's time grid
     * @param keyframe true to make it a keyframe (a seek point)
     */
    void picture(AVFrame picture, long tick, boolean keyframe) throws VideoException;
}
