package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.fbs.FbsPlayback;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Turns an FBS recording of a graphical session into the same evidence video as terminal recordings
 * (see {@link AsciicastTranscoder}): the screen with its cursor at the pointer, scaled into the 640x480
 * letterbox, a frame only where the picture changed, lasting as long as the recording. The recording is
 * read in constant memory besides the framebuffer.
 */
public final class FbsTranscoder {

    private final VideoSpec spec;
    private final X264Settings settings;

    private FbsTranscoder(VideoSpec spec, X264Settings settings) {
        this.spec = spec;
        this.settings = settings;
    }

    /** {@return a transcoder producing Airlock's evidence format} */
    public static FbsTranscoder evidence() {
        return new FbsTranscoder(VideoSpec.EVIDENCE, X264Settings.TERMINAL);
    }

    /** {@return this transcoder writing a frame on every tick, for tools that need a constant frame rate} */
    public FbsTranscoder withConstantFrameRate() {
        return new FbsTranscoder(spec.withEveryTick(), settings);
    }

    /** {@return this transcoder encoding on one thread, for a gateway (see AsciicastTranscoder#onOneThread)} */
    public FbsTranscoder onOneThread() {
        return new FbsTranscoder(spec, settings.singleThreaded());
    }

    /**
     * Transcodes a recording; the video appears under its name only whole.
     *
     * @param recording the FBS file
     * @param video the MP4 file to create or replace
     * @param progress told the recording time reached
     * @throws RecordingFormatException when the recording or the RFB stream in it is damaged
     */
    public TranscodeResult transcode(Path recording, Path video, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        return EvidenceVideo.write(spec, settings, video, (letterbox, sink) -> {
            try (InputStream in = Files.newInputStream(recording); FbsPlayback playback = FbsPlayback.open(in)) {
                return replay(playback, letterbox, sink, progress);
            }
        });
    }

    long replay(FbsPlayback playback, Letterbox letterbox, FrameSink sink, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        FramebufferPicture picture = new FramebufferPicture(playback.framebuffer());
        PicturePlayer player = new PicturePlayer(spec, picture, letterbox, sink, progress);
        OptionalDouble time;
        while ((time = playback.nextTime()).isPresent()) {
            player.reached(time.getAsDouble());
            long before = playback.framebuffer().changes();
            playback.next();
            player.changed(playback.framebuffer().changes() != before);
        }
        player.reached(playback.lastTime());
        return player.finish();
    }

    /**
     * The screen, cursor included, after every message that began to arrive up to and including
     * {@code seconds}.
     */
    public static BufferedImage screenAt(Path recording, double seconds) throws IOException, RecordingFormatException {
        try (InputStream in = Files.newInputStream(recording); FbsPlayback playback = FbsPlayback.open(in)) {
            OptionalDouble time;
            while ((time = playback.nextTime()).isPresent() && time.getAsDouble() <= seconds) {
                playback.next();
            }
            FramebufferPicture picture = new FramebufferPicture(playback.framebuffer());
            picture.render();
            BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, picture.width(), picture.height(), picture.pixels(), 0, picture.width());
            return image;
        }
    }
}
