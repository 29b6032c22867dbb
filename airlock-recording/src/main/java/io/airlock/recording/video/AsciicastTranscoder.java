package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns an asciicast v2 terminal recording into the evidence video: H.264 High profile, yuv420p,
 * 640x480, 25 fps, a keyframe at least every 2 s while the screen changes and every 30 s while it stands
 * still (see {@link VideoSpec#EVIDENCE} for why), MP4 with the index in front. The recording is
 * replayed through the terminal emulator and each change of screen becomes a frame on the 25 fps grid;
 * idle time costs almost nothing (see {@link FrameScheduler}). The video lasts as long as the recording,
 * up to its last event.
 *
 * <p>The recording is read in constant memory. A video appears under its name only whole (see
 * {@link VideoFile}); on any failure the partly written one is deleted.
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
     * The evidence format at a constant frame rate, for tools that require one: every frame of the 25 fps
     * grid is written, those without a change as skip frames of a few dozen bytes. Browsers play both
     * alike; this one costs more time and bytes per idle hour (figures in {@link TranscodeBenchmark}).
     *
     * @return a transcoder writing a frame on every tick
     */
    public AsciicastTranscoder withConstantFrameRate() {
        return new AsciicastTranscoder(spec.withEveryTick(), settings);
    }

    /**
     * The same videos encoded on one thread, for a gateway, whose videos are made on the cores its
     * sessions run on: two x264 threads slice every frame across both cores at once, and keystrokes
     * wait behind them. One thread leaves a core to the people typing; a lone transcode takes longer.
     *
     * @return a transcoder encoding on a single thread
     */
    public AsciicastTranscoder onOneThread() {
        return new AsciicastTranscoder(spec, settings.singleThreaded());
    }

    /**
     * Transcodes a recording. The video is written beside {@code video} and moved into place when whole:
     * whatever happens before, nothing (or the video that was there before) is found under its name.
     *
     * @param recording the asciicast v2 file
     * @param video the MP4 file to create or replace, owner-only
     * @param progress told the recording time reached
     * @return what was produced
     * @throws RecordingFormatException when the recording is malformed
     * @throws VideoException when FFmpeg fails
     * @throws IOException when a file cannot be read or written
     */
    public TranscodeResult transcode(Path recording, Path video, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        return EvidenceVideo.write(spec, settings, video, (letterbox, sink) -> {
            try (InputStream in = Files.newInputStream(recording); AsciicastReader reader = AsciicastReader.open(in)) {
                return replay(reader, letterbox, sink, progress);
            }
        });
    }

    /**
     * Plays a recording into pictures for {@code sink}.
     *
     * @return the video's length in ticks
     */
    long replay(AsciicastReader reader, Letterbox letterbox, FrameSink sink, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        var player = new EventPlayer(spec, reader.header().width(), reader.header().height(), letterbox, sink,
                progress);
        Optional<AsciicastEvent> next;
        while ((next = reader.next()).isPresent()) {
            player.accept(next.get());
        }
        return player.finish();
    }

    /**
     * Starts encoding a recording while it is being made: events are given as they happen and the video
     * is complete at {@link LiveTranscode#finish()}, identical to what {@link #transcode} makes of the
     * same events read back from the file.
     *
     * @param columns the terminal's width at the start, as in the recording's header
     * @param rows the terminal's height at the start
     * @param video the MP4 file to create or replace, owner-only; it appears when finished, written
     *     beside it until then
     */
    public LiveTranscode live(int columns, int rows, Path video) throws VideoException {
        return LiveTranscode.start(spec, settings, columns, rows, video);
    }
}
