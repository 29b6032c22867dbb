package io.airlock.recording.video;

import io.airlock.recording.asciicast.AsciicastEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A video made while its recording is still being written, so that it is ready moments after the session
 * ends instead of after a transcode of the whole recording. Not thread-safe: one thread gives it events.
 * Until {@link #finish()} returns the video is written beside its file (see {@link VideoFile}), which
 * appears only then; {@link #close()} without finishing removes what was written.
 */
public final class LiveTranscode implements AutoCloseable {

    private final VideoSpec spec;
    private final Path video;
    private final Path partial;
    private final Letterbox letterbox;
    private final Mp4Encoder encoder;
    private final EncodingThread encoding;
    private final EventPlayer player;
    private boolean finished;
    private boolean closed;

    private LiveTranscode(VideoSpec spec, Path video, Letterbox letterbox, Mp4Encoder encoder, EncodingThread encoding,
            EventPlayer player) {
        this.spec = spec;
        this.video = video;
        this.partial = VideoFile.partial(video);
        this.letterbox = letterbox;
        this.encoder = encoder;
        this.encoding = encoding;
        this.player = player;
    }

    static LiveTranscode start(VideoSpec spec, X264Settings settings, int columns, int rows, Path video)
            throws VideoException {
        Letterbox letterbox = Letterbox.create(spec);
        Mp4Encoder encoder = null;
        EncodingThread encoding = null;
        try {
            encoder = Mp4Encoder.create(VideoFile.partial(video), spec, settings);
            encoding = new EncodingThread(encoder, spec);
            var player = new EventPlayer(spec, columns, rows, letterbox, encoding, TranscodeProgress.NONE);
            return new LiveTranscode(spec, video, letterbox, encoder, encoding, player);
        } catch (VideoException | RuntimeException e) {
            if (encoding != null) {
                encoding.close();
            }
            if (encoder != null) {
                encoder.close();
            }
            letterbox.close();
            deleteQuietly(VideoFile.partial(video));
            throw e;
        }
    }

    /** Plays one event of the recording, in order, with the time the recording gives it. */
    public void accept(AsciicastEvent event) throws VideoException {
        if (finished || closed) {
            throw new IllegalStateException("the live transcode is over");
        }
        player.accept(event);
    }

    /** Completes the video up to the last event given and moves it into place, whole. */
    public TranscodeResult finish() throws VideoException, IOException {
        long ticks = player.finish();
        encoding.drain();
        encoder.finish();
        finished = true;
        close(); // the file is complete once the encoder closed it
        try {
            VideoFile.moveIntoPlace(partial, video);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw e;
        }
        return new TranscodeResult(Duration.ofNanos(ticks * 1_000_000_000L / spec.framesPerSecond()),
                encoder.frames(), Files.size(video));
    }

    /** Frees the encoder; what was written of an unfinished video is deleted. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        encoding.close();
        encoder.close();
        letterbox.close();
        if (!finished) {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path video) {
        try {
            Files.deleteIfExists(video);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the unfinished video " + video, e);
        }
    }
}
