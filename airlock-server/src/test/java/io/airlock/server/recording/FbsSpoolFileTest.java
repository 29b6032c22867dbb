package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FbsSpoolFileTest {

    @TempDir
    Path dir;

    @Test
    void blockHalfWrittenWhenTheGatewayStoppedIsCutAndTheRestReplays() throws Exception {
        Path file = dir.resolve("session-1.fbs");
        long[] now = {0};
        try (OutputStream out = Files.newOutputStream(file)) {
            var writer = new FbsWriter(out, new ServerInit(8, 8, PixelFormat.RGB888, "desk"), () -> now[0]);
            now[0] = 2_000_000_000L;
            writer.write(new byte[] {2}, 0, 1); // a Bell
        }
        long whole = Files.size(file);
        // A crash in the middle of the next block: its length and part of its data.
        Files.write(file, new byte[] {0, 0, 0, 8, 2, 2}, StandardOpenOption.APPEND);

        assertThat(FbsSpoolFile.finish(file)).isEqualTo(6);
        assertThat(Files.size(file)).isEqualTo(whole);
        assertThat(FbsSpoolFile.finish(file)).as("running it again").isZero();
        try (InputStream in = Files.newInputStream(file); var playback = FbsPlayback.open(in)) {
            while (playback.next()) {
                // every message applied
            }
            assertThat(playback.lastTime()).isEqualTo(2.0);
        }
    }

    @Test
    void fileWithoutItsPreambleIsNoRecordingToStore() throws Exception {
        Path file = Files.write(dir.resolve("session-2.fbs"), "FBS 001.000\n".getBytes());
        assertThatThrownBy(() -> FbsSpoolFile.finish(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not even its preamble");
    }
}
