package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopRecorderTest {

    private static final PixelFormat RGB565 = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    private static final ServerInit DESKTOP = new ServerInit(4, 2, PixelFormat.RGB888, "desk");

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void recordingIsOwnerOnlyAndReplaysInThePixelFormatTheWindowChoseBeforeItsFirstRequest() throws Exception {
        Path file = dir.resolve("session-1.fbs");
        try (var recorder = DesktopRecorder.create(file, nanos::get)) {
            recorder.begin(DESKTOP);
            recorder.pixelFormat(RGB565);
            recorder.pixelsRequested();
            nanos.set(1_500_000_000L);
            recorder.received(rawUpdateInRgb565(0xf800), 0, rawUpdateInRgb565(0xf800).length);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (InputStream in = Files.newInputStream(file); var playback = FbsPlayback.open(in)) {
            assertThat(playback.desktopName()).isEqualTo("desk");
            while (playback.next()) {
                // every message applied
            }
            assertThat(playback.framebuffer().pixels()[0] & 0xffffff).as("pure red").isEqualTo(0xff0000);
            assertThat(playback.lastTime()).isEqualTo(1.5);
        }
    }

    @Test
    void windowThatChangesItsPixelFormatAfterAskingForPixelsEndsTheRecordedSession() throws Exception {
        try (var recorder = DesktopRecorder.create(dir.resolve("session-2.fbs"), nanos::get)) {
            recorder.begin(DESKTOP);
            recorder.pixelsRequested();
            recorder.pixelFormat(PixelFormat.RGB888); // the same format changes nothing

            assertThatThrownBy(() -> recorder.pixelFormat(RGB565)).isInstanceOf(LiveSession.RecordingFailure.class)
                    .hasMessageContaining("Recording failed").hasMessageContaining("pixel format");
        }
    }

    @Test
    void spoolFileThatExistsAlreadyIsNeverTakenOver() throws Exception {
        Path file = Files.writeString(dir.resolve("session-3.fbs"), "someone else's");
        assertThatThrownBy(() -> DesktopRecorder.create(file, nanos::get))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("someone else's");
    }

    /** A FramebufferUpdate of the whole 4x2 desktop in Raw, every pixel {@code pixel} as RGB565 little-endian. */
    private static byte[] rawUpdateInRgb565(int pixel) {
        ByteBuffer b = ByteBuffer.allocate(4 + 12 + 4 * 2 * 2).put((byte) 0).put((byte) 0).putShort((short) 1)
                .putShort((short) 0).putShort((short) 0).putShort((short) 4).putShort((short) 2).putInt(0);
        for (int i = 0; i < 8; i++) {
            b.put((byte) pixel).put((byte) (pixel >> 8));
        }
        return b.array();
    }
}
