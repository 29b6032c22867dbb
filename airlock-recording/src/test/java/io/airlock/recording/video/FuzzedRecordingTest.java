package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.airlock.recording.RecordingFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzedRecordingTest {

    private static final int ROUNDS = 120;

    @TempDir
    Path dir;

    @Test
    void mutatedRecordingsEitherTranscodeOrFailCleanly() throws Exception {
        byte[] valid = Files.readAllBytes(TranscodedVideoTest.CORPUS.resolve("session-80x24.cast"));
        Random random = new Random(20261125);
        Path cast = dir.resolve("fuzz.cast");
        Path video = dir.resolve("fuzz.mp4");
        long heapBefore = usedHeap();
        int clean = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = mutate(valid, random);
            Files.write(cast, mutated);
            // A failed transcode keeps a video already there; each round starts without one.
            Files.deleteIfExists(video);
            try {
                AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);
                clean++;
            } catch (RecordingFormatException e) {
                assertThat(e.getMessage()).startsWith("line ");
                assertThat(video).doesNotExist();
                assertThat(dir.resolve("fuzz.mp4.part")).doesNotExist();
                rejected++;
            } catch (RuntimeException e) {
                fail("round " + round + " broke the transcoder: " + e + "\n"
                        + new String(mutated, StandardCharsets.UTF_8), e);
            }
        }
        assertThat(clean + rejected).isEqualTo(ROUNDS);
        assertThat(rejected).as("some mutations must be caught").isPositive();
        // Native frames, contexts and packets are freed every round: the heap does not keep growing,
        // and no encoder thread outlives its transcode.
        assertThat(usedHeap() - heapBefore).isLessThan(64L << 20);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("airlock-encoder"));
    }

    /** A few random byte flips, duplicated or dropped lines, a truncation or huge timestamps. */
    private static byte[] mutate(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        // Keep it short: the first couple of dozen lines exercise everything and keep the test quick.
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        int keep = Math.min(lines.length, 5 + random.nextInt(25));
        for (int i = 0; i < keep; i++) {
            switch (i == 0 ? 9 : random.nextInt(12)) {
                case 0 -> { } // dropped
                case 1 -> b.append(lines[i]).append('\n').append(lines[i]).append('\n');
                case 2 -> b.append(lines[i].replaceFirst("\\[[0-9.]+", "[" + random.nextInt(100000))).append('\n');
                case 3 -> b.append(lines[i].replaceFirst("\"o\"", "\"r\"")).append('\n');
                case 4 -> b.append("[" + (i * 0.1) + ", \"r\", \"" + (1 + random.nextInt(1000)) + "x"
                        + (1 + random.nextInt(500)) + "\"]").append('\n');
                default -> b.append(lines[i]).append('\n');
            }
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        int flips = random.nextInt(4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (random.nextInt(5) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        }
        return bytes;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
