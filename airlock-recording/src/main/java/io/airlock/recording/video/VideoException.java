package io.airlock.recording.video;

/** FFmpeg refused to do something; the message names the step and FFmpeg's reason. */
public final class VideoException extends Exception {

    private static final long serialVersionUID = 1L;

    public VideoException(String message) {
        super(message);
    }

    static int check(int result, String step) throws VideoException {
        if (result < 0) {
            throw new VideoException(step + " failed: " + FfmpegErrors.describe(result));
        }
        return result;
    }
}
