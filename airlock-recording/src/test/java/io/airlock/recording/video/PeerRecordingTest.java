package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.recording.asciicast.Ticker;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions recorded from the live TigerVNC peer, one encoding each, become videos whose last frame shows
 * what the peer's screen shows (read there in Raw).
 */
@Tag("peers")
class PeerRecordingTest {

    private static final long RECORD_NANOS = 1_500_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {Encodings.RAW, Encodings.HEXTILE, Encodings.ZRLE, Encodings.TIGHT})
    void lastFrameOfARecordedSessionShowsThePeersScreen(int encoding) throws Exception {
        assumeTrue(System.getenv("AIRLOCK_PEER_VNC_PORT") != null, "the TigerVNC peer's variables are not set");
        Path raw = record(Encodings.RAW, dir.resolve("raw.fbs"));
        Path fbs = record(encoding, dir.resolve("session.fbs"));
        Path video = dir.resolve("session.mp4");

        TranscodeResult result = FbsTranscoder.evidence().transcode(fbs, video, TranscodeProgress.NONE);

        TranscodedVideoTest.assertEvidenceFormat(video, result.duration().toMillis() / 1000.0);
        int[] screen = FbsTranscoder.screenAt(raw, 3600).getRGB(0, 0, 640, 480, null, 0, 640);
        int[] last = Ffprobe.frameAt(video, result.duration().toMillis() / 1000.0 - 0.1);
        for (int i = 0; i < screen.length; i++) {
            screen[i] &= 0xffffff;
        }
        assertThat(TranscodedVideoTest.psnr(last, screen)).as("PSNR of the last frame against the screen, dB")
                .isGreaterThanOrEqualTo(30.0);
    }

    /** Records what the peer sends for 1.5 s after a full-screen request in one encoding, cursor included. */
    private static Path record(int encoding, Path file) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("AIRLOCK_PEER_VNC_PORT"))),
                    5_000);
            socket.setSoTimeout(100);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ServerInit init = RfbHandshake.connect(in, out,
                    Optional.of(System.getenv("AIRLOCK_PEER_VNC_PASSWORD")), true);
            out.write(ClientMessages.setPixelFormat(PixelFormat.RGB888));
            out.write(ClientMessages.setEncodings(List.of(encoding, Encodings.CURSOR)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            try (OutputStream recording = Files.newOutputStream(file);
                    FbsWriter writer = new FbsWriter(recording,
                            new ServerInit(init.width(), init.height(), PixelFormat.RGB888, init.name()), Ticker.SYSTEM)) {
                byte[] buffer = new byte[65536];
                long end = System.nanoTime() + RECORD_NANOS;
                while (System.nanoTime() < end) {
                    try {
                        int n = in.read(buffer);
                        if (n < 0) {
                            break;
                        }
                        writer.write(buffer, 0, n);
                    } catch (SocketTimeoutException idle) {
                        // nothing arrived in this 100 ms; keep listening until the time is up
                    }
                }
            }
        }
        return file;
    }
}
