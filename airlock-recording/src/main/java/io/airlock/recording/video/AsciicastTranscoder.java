package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns an asciicast v2 terminal recording into the evidence video: H.264 High profile, yuv420p,
 * 640x480, 25 fps, a keyframe at least every 2 s while the screen changes and every 30 s while it stands
 * still (see {@link VideoSpec#EVIDENCE} for why), MP4 with the index in front. The recording is
 * replayed through the terminal emulator and each change of screen becomes a frame on the 25 fps grid;
 * idle time costs almost nothing (see {@link FrameScheduler}). The video lasts as long as the recording,
 * up to its last event.
 *
 * <p>The recording is read in constant memory. On any failure the partly written video is deleted.
 */
public final class AsciicastTranscoder {

    private final VideoSpec spec;
    private final X264Settings settings;

    private AsciicastTranscoder(VideoSpec spec, X264Settings settings) {
        this.spec = spec;
        this.settings = settings;
    }

    /** {@return a transcoder producing Airlock's evidence format} */
    public static AsciicastTranscoder evidence() {
        return new AsciicastTranscoder(VideoSpec.EVIDENCE, X264Settings.TERMINAL);
    }

    /**
     * Transcodes a recording.
     *
     * @param recording the asciicast v2 file
     * @param video the MP4 file to create or replace
     * @param progress told the recording time reached
     * @return what was produced
     * @throws RecordingFormatException when the recording is malformed (nothing is left at {@code video})
     * @throws VideoException when FFmpeg fails
     * @throws IOException when a file cannot be read or written
     */
    public TranscodeResult transcode(Path recording, Path video, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        boolean done = false;
        try (InputStream in = Files.newInputStream(recording);
                AsciicastReader reader = AsciicastReader.open(in);
                Letterbox letterbox = Letterbox.create(spec);
                Mp4Encoder encoder = Mp4Encoder.create(video, spec, settings);
                EncodingThread encoding = new EncodingThread(encoder, spec)) {
            long ticks = replay(reader, letterbox, encoding, progress);
            encoding.drain();
            encoder.finish();
            done = true;
            return new TranscodeResult(Duration.ofNanos(ticks * 1_000_000_000L / spec.framesPerSecond()),
                    encoder.frames(), Files.size(video));
        } finally {
            if (!done) {
                Files.deleteIfExists(video);
            }
        }
    }

    /**
     * Plays a recording into pictures for {@code sink}.
     *
     * @return the video's length in ticks
     */
    long replay(AsciicastReader reader, Letterbox letterbox, FrameSink sink, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        ScreenReplay screen = new ScreenReplay(reader.header().width(), reader.header().height());
        FrameScheduler frames = new FrameScheduler(spec, letterbox, sink);
        long pendingTick = 0;
        boolean pending = true; // the empty screen at 0 s
        double lastTime = 0;
        Optional<AsciicastEvent> next;
        while ((next = reader.next()).isPresent()) {
            AsciicastEvent event = next.get();
            long tick = spec.tickAt(event.time());
            if (tick > pendingTick) {
                if (pending) {
                    show(screen, letterbox, frames, pendingTick);
                    pending = false;
                }
                progress.reached(event.time());
                pendingTick = tick;
            }
            pending |= screen.apply(event);
            lastTime = event.time();
        }
        long endTick = spec.ticksFor(lastTime);
        if (pending) {
            // A change in the very last frame period still gets its frame, which may add one period.
            endTick = Math.max(endTick, pendingTick + 1);
            show(screen, letterbox, frames, pendingTick);
        }
        frames.end(endTick);
        progress.reached(lastTime);
        return endTick;
    }

    private static void show(ScreenReplay screen, Letterbox letterbox, FrameScheduler frames, long tick)
            throws VideoException {
        // The first frame is always sent, even of an empty screen; later ones only when pixels changed.
        if (screen.render() || frames.lastTick() < 0) {
            frames.idleUntil(tick); // the previous picture's repeats and keyframes first, before it is replaced
            letterbox.draw(screen.pixels(), screen.width(), screen.height());
            frames.changed(tick);
        }
    }
}
