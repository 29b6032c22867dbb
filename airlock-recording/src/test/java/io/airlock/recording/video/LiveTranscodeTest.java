package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.recording.asciicast.AsciicastWriter;
import io.airlock.recording.asciicast.Ticker;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class LiveTranscodeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on one thread: {0}")
    @ValueSource(booleans = {false, true})
    void aVideoMadeWhileRecordingIsTheSameAsOneMadeFromTheFinishedFile(boolean oneThread) throws Exception {
        AsciicastTranscoder transcoder = oneThread ? AsciicastTranscoder.evidence().onOneThread()
                : AsciicastTranscoder.evidence();
        // A real session from the corpus, recorded again through the writer as it would be live: each event
        // the writer returns goes straight to the live transcode.
        Path source = TranscodedVideoTest.CORPUS.resolve("session-80x24.cast");
        List<AsciicastEvent> events = new ArrayList<>();
        int columns;
        int rows;
        try (InputStream in = Files.newInputStream(source); AsciicastReader reader = AsciicastReader.open(in)) {
            columns = reader.header().width();
            rows = reader.header().height();
            Optional<AsciicastEvent> e;
            while ((e = reader.next()).isPresent()) {
                events.add(e.get());
            }
        }
        Path cast = dir.resolve("recorded.cast");
        Path live = dir.resolve("live.mp4");
        var ticker = new SteppingTicker();
        try (OutputStream out = Files.newOutputStream(cast);
                LiveTranscode transcode = transcoder.live(columns, rows, live)) {
            var writer = new AsciicastWriter(out, new AsciicastHeader(columns, rows, null, "vim", Map.of()),
                    Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), ticker);
            for (AsciicastEvent event : events) {
                ticker.at = Duration.ofNanos(Math.round(event.time() * 1e9));
                switch (event) {
                    case AsciicastEvent.Output o -> {
                        var written = writer.output(o.data().getBytes(StandardCharsets.UTF_8), 0,
                                o.data().getBytes(StandardCharsets.UTF_8).length);
                        if (written.isPresent()) {
                            transcode.accept(written.get());
                        }
                    }
                    case AsciicastEvent.Resize r -> transcode.accept(writer.resize(r.columns(), r.rows()));
                    case AsciicastEvent.Marker m -> transcode.accept(writer.marker(m.label()));
                    case AsciicastEvent.Input i -> {
                    }
                }
            }
            writer.close();
            var result = transcode.finish();
            assertThat(result.frames()).isPositive();
        }
        Path fromFile = dir.resolve("from-file.mp4");
        var fileResult = transcoder.transcode(cast, fromFile, TranscodeProgress.NONE);

        assertThat(Files.size(live)).isEqualTo(fileResult.bytes());
        assertThat(Files.readAllBytes(live)).isEqualTo(Files.readAllBytes(fromFile));
        assertThat(Ffprobe.stream(live)).containsEntry("codec_name", "h264").containsEntry("width", "640");
        // x264 writes the options it encoded with into the stream.
        assertThat(new String(Files.readAllBytes(live), StandardCharsets.ISO_8859_1))
                .contains(oneThread ? " threads=1 " : " threads=2 ");
    }

    @Test
    void anUnfinishedLiveVideoIsRemovedWhenClosed() throws Exception {
        Path video = dir.resolve("abandoned.mp4");
        Path partial = dir.resolve("abandoned.mp4.part");
        try (LiveTranscode transcode = AsciicastTranscoder.evidence().live(80, 24, video)) {
            transcode.accept(new AsciicastEvent.Output(0.5, "hello"));
            transcode.accept(new AsciicastEvent.Output(3.0, "world"));
            assertThat(partial).exists();
        }
        assertThat(partial).doesNotExist();
        assertThat(video).doesNotExist();
    }

    /** A ticker set to each event's time; it never runs by itself. */
    private static final class SteppingTicker implements Ticker {
        Duration at = Duration.ZERO;

        @Override
        public long nanos() {
            return at.toNanos();
        }
    }
}
