package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlock.rfb.Encodings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions recorded from the live TigerVNC peer, one encoding each, become videos whose last frame matches
 * the X server's own screenshot ({@code xwd -root}) scaled into the 640x480 letterbox. The peer's screen
 * (a red root window, an xterm with known text) is shared with other tests, which do not change it; should
 * it change while a session is recorded all the same, the screenshots before and after differ and the
 * recording is made again (a bounded number of times).
 */
@Tag("peers")
class PeerRecordingTest {

    private static final Duration RECORD = Duration.ofSeconds(3);
    private static final int ATTEMPTS = 3;
    /** Where the CopyRect session's own window travels: red root only, away from what other tests check. */
    private static final int WINDOW_X = 260;
    private static final int WINDOW_TO_X = 380;
    private static final int WINDOW_Y = 300;
    private static final String WINDOW_NAME = "airlock-copyrect-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {Encodings.RAW, Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE, Encodings.ZRLE,
        Encodings.TIGHT})
    void lastFrameOfARecordedSessionMatchesTheXServersScreenshot(int encoding) throws Exception {
        assumeTrue(System.getenv("AIRLOCK_PEER_VNC_PORT") != null, "the TigerVNC peer's variables are not set");
        int display = Integer.parseInt(System.getenv("AIRLOCK_PEER_VNC_PORT")) - 5900;
        Path fbs = dir.resolve(Encodings.name(encoding) + ".fbs");

        XScreenshot screenshot = encoding == Encodings.COPY_RECT
                ? recordWhileAWindowMoves(display, fbs)
                : recordStableScreen(display, encoding, fbs);
        Path video = dir.resolve(Encodings.name(encoding) + ".mp4");
        TranscodeResult result = FbsTranscoder.evidence().transcode(fbs, video, TranscodeProgress.NONE);

        TranscodedVideoTest.assertEvidenceFormat(video, result.duration().toMillis() / 1000.0);
        int[] last = Ffprobe.frameAt(video, result.duration().toMillis() / 1000.0 - 0.1);
        assertThat(TranscodedVideoTest.psnr(last, screenshot.inEvidenceLetterbox()))
                .as("PSNR of the video's last frame against xwd's screenshot, dB (%s)", Encodings.name(encoding))
                .isGreaterThanOrEqualTo(30.0);
    }

    /** Records in one encoding; returns the screenshot the screen kept throughout. */
    private static XScreenshot recordStableScreen(int display, int encoding, Path fbs) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            XScreenshot before = XScreenshot.of(display);
            record(List.of(encoding, Encodings.CURSOR), fbs, () -> { });
            XScreenshot after = XScreenshot.of(display);
            if (after.sameAs(before)) {
                return after;
            }
        }
        return fail("the peer's screen changed during each of " + ATTEMPTS + " recordings");
    }

    /**
     * Puts a window of its own (xlogo) on the peer's red root, records in CopyRect while the window is
     * dragged sideways (the X server copies its pixels, so TigerVNC sends CopyRect), takes the screenshot
     * with the window at its end and removes the window again.
     */
    private static XScreenshot recordWhileAWindowMoves(int display, Path fbs) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Process window = new ProcessBuilder("xlogo", "-display", ":" + display, "-name", WINDOW_NAME,
                    "-geometry", "96x96+" + WINDOW_X + "+" + WINDOW_Y).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String id = windowId(display);
                record(List.of(Encodings.COPY_RECT, Encodings.CURSOR), fbs, () -> drag(display, id));
                XScreenshot end = XScreenshot.of(display);
                assertThat(RecordedRectangles.encodings(fbs)).as("rectangles the server sent")
                        .contains(Encodings.COPY_RECT);
                // The first picture taken after the drag ended; another one now must show the same.
                if (XScreenshot.of(display).sameAs(end)) {
                    return end;
                }
            } finally {
                window.destroy();
                window.waitFor(5, TimeUnit.SECONDS);
            }
        }
        return fail("the peer's screen changed during each of " + ATTEMPTS + " recordings");
    }

    private static void record(List<Integer> encodings, Path fbs, Runnable duringRecording) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("AIRLOCK_PEER_VNC_PORT"))),
                    5_000);
            VncRecorder.record(socket, Optional.of(System.getenv("AIRLOCK_PEER_VNC_PASSWORD")), encodings, RECORD,
                    fbs, duringRecording);
        }
    }

    /** Waits (bounded) until the window is mapped; returns its id. */
    private static String windowId(int display) throws Exception {
        for (int tries = 0; tries < 50; tries++) {
            String id = xdotool(display, "search", "--onlyvisible", "--classname", WINDOW_NAME).strip();
            if (!id.isEmpty()) {
                return id.lines().findFirst().orElseThrow();
            }
            Thread.sleep(100);
        }
        return fail("the xlogo window did not appear on display :" + display);
    }

    /**
     * Moves the window to its end in steps, each one a copy of its pixels on the X server, once the
     * viewer has the whole screen (the first update may hold the cursor alone).
     */
    private static void drag(int display, String id) {
        try {
            Thread.sleep(500);
            for (int x = WINDOW_X + 15; x <= WINDOW_TO_X; x += 15) {
                xdotool(display, "windowmove", "--sync", id, Integer.toString(x), Integer.toString(WINDOW_Y));
                Thread.sleep(80);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xdotool(int display, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", ":" + display);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("xdotool is missing: scripts/peers.sh start installs it");
        }
        try {
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("xdotool " + String.join(" ", args) + " did not finish");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
