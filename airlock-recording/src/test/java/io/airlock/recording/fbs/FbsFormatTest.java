package io.airlock.recording.fbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.recording.RecordingFormatException;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FbsFormatTest {

    @Test
    void fileStartsWithTheHeaderAndASyntheticRfb33Preamble() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FbsWriter(out, new ServerInit(800, 600, PixelFormat.RGB888, "plc-hmi"), () -> 0L);
        ByteBuffer file = ByteBuffer.wrap(out.toByteArray());

        assertThat(new String(out.toByteArray(), 0, 12, StandardCharsets.US_ASCII)).isEqualTo("FBS 001.000\n");
        file.position(12);
        int length = file.getInt();
        assertThat(length).isEqualTo(12 + 4 + 24 + 7);
        byte[] preamble = new byte[length];
        file.get(preamble);
        assertThat(new String(preamble, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("RFB 003.003\n");
        assertThat(ByteBuffer.wrap(preamble, 12, 4).getInt()).as("security type None").isEqualTo(1);
        assertThat(ServerInit.read(new ByteArrayInputStream(preamble, 16, length - 16)))
                .isEqualTo(new ServerInit(800, 600, PixelFormat.RGB888, "plc-hmi"));
        file.position(12 + 4 + FbsTestPadding.of(length));
        assertThat(file.getInt()).as("timestamp").isZero();
        assertThat(file.remaining()).isZero();
    }

    @Test
    void blocksArePaddedToFourBytesAndTimedInMilliseconds() throws Exception {
        byte[] file = FbsRecordings.record("zrle", 5, 2500, 40, 1234);

        List<FbsBlock> blocks = blocks(file);

        assertThat(blocks.get(1).data()).hasSize(5);
        assertThat(blocks.get(1).millis()).isEqualTo(40);
        assertThat(blocks.get(2).millis()).isEqualTo(1234);
        assertThat(blocks.getLast().data()).isEmpty();
        assertThat(blocks.getLast().millis()).isEqualTo(2500);
        int padded = 12 + blocks.stream().mapToInt(b -> 8 + FbsTestPadding.of(b.data().length)).sum();
        assertThat(file).hasSize(padded);
    }

    @Test
    void playbackGivesTheScreenTheServerSentFromTheTimeItBeganToArrive() throws Exception {
        byte[] file = FbsRecordings.record("zrle", 100, 3000, 700, 1400, 2100);

        try (FbsPlayback playback = FbsPlayback.open(new ByteArrayInputStream(file))) {
            assertThat(playback.nextTime()).hasValue(0.7);
            assertThat(playback.next()).isTrue();
            Framebuffer screen = playback.framebuffer();

            assertThat(screen.pixels()[400 * 640 + 400]).isEqualTo(0xff0000);
            assertThat(playback.desktopName()).isNotEmpty();
            assertThat(playback.next()).isFalse();
            assertThat(playback.nextTime()).isEmpty();
            assertThat(playback.lastTime()).isEqualTo(3.0);
        }
        assertThat(FbsPlayback.duration(new ByteArrayInputStream(file))).isEqualTo(3.0);
    }

    @Test
    void viewersPointerMovesArePlayedBackAsPointerPositions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FbsWriter writer = new FbsWriter(out, new ServerInit(800, 600, PixelFormat.RGB888, "hmi"), () -> 0L)) {
            writer.pointerMoved(123, 456);
        }

        try (FbsPlayback playback = FbsPlayback.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(playback.next()).isTrue();
            assertThat(playback.framebuffer().pointerX()).isEqualTo(123);
            assertThat(playback.framebuffer().pointerY()).isEqualTo(456);
        }
    }

    @Test
    void notAnFbsFileIsRecognisedByItsFirstBytes() {
        assertThatThrownBy(() -> FbsPlayback.open(new ByteArrayInputStream("{\"version\": 2}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RecordingFormatException.class).hasMessage("byte 0: not an FBS recording: it does not start with \"FBS 001.000\"");
    }

    @Test
    void everyTruncationEndsCleanlyOrWithTheByteWhereItStopped() throws Exception {
        byte[] file = FbsRecordings.record("hextile", 300, 1000, 100, 200);
        List<Integer> blockEnds = new ArrayList<>();
        int at = 12;
        for (FbsBlock block : blocks(file)) {
            at += 8 + FbsTestPadding.of(block.data().length);
            blockEnds.add(at);
        }
        for (int cut = 13; cut < file.length; cut++) {
            byte[] truncated = Arrays.copyOf(file, cut);
            if (blockEnds.contains(cut)) {
                continue; // between two blocks: a clean end, or one inside a message (below)
            }
            assertThatThrownBy(() -> playAll(truncated)).as("cut at %d", cut)
                    .isInstanceOf(RecordingFormatException.class).hasMessageStartingWith("byte ");
        }
        assertThat(playAll(file)).isEqualTo(1);
        assertThatThrownBy(() -> playAll(Arrays.copyOf(file, blockEnds.get(1)))).as("a message cut between blocks")
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("recorded at 100 ms is damaged");
    }

    @Test
    void hugeBlockLengthAndTimeGoingBackAreRefused() throws Exception {
        byte[] file = FbsRecordings.record("zrle", 1000, 500, 300);
        byte[] huge = file.clone();
        ByteBuffer.wrap(huge).putInt(12 + 4 + FbsTestPadding.of(ByteBuffer.wrap(file).getInt(12)) + 4, 0x7fffffff);
        assertThatThrownBy(() -> playAll(huge)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("a block of 2147483647 bytes");

        byte[] backwards = file.clone();
        ByteBuffer.wrap(backwards).putInt(backwards.length - 4, 100);
        assertThatThrownBy(() -> playAll(backwards)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("time goes back from 300 ms to 100 ms");
    }

    @Test
    void damagedRfbInsideIntactBlocksIsAFormatError() throws Exception {
        byte[] file = FbsRecordings.record("zrle", 1000, 500, 300);
        int messages = 12 + 8 + FbsTestPadding.of(ByteBuffer.wrap(file).getInt(12)) + 4;
        file[messages] = 42; // message type 42

        assertThatThrownBy(() -> playAll(file)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("the RFB stream recorded at 300 ms is damaged: server sent message type 42");
    }

    private static int playAll(byte[] file) throws Exception {
        int count = 0;
        try (FbsPlayback playback = FbsPlayback.open(new ByteArrayInputStream(file))) {
            while (playback.next()) {
                count++;
            }
        }
        return count;
    }

    private static List<FbsBlock> blocks(byte[] file) throws Exception {
        FbsReader reader = FbsReader.open(new ByteArrayInputStream(file));
        List<FbsBlock> blocks = new ArrayList<>();
        for (var block = reader.next(); block.isPresent(); block = reader.next()) {
            blocks.add(block.get());
        }
        return blocks;
    }

    private static final class FbsTestPadding {
        static int of(int length) {
            return (length + 3) / 4 * 4;
        }
    }
}
