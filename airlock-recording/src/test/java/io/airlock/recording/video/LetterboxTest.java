package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LetterboxTest {

    /**
     * A change to a band of rows is drawn strip by strip over the previous picture; the video picture must
     * be what drawing the whole new frame gives: the same bytes where the frame is shown one to one, at
     * most a rounding step apart where strips of it are area-scaled.
     */
    @ParameterizedTest
    @CsvSource({"1280, 800, 1", "1024, 768, 1", "640, 480, 0", "800, 600, 1", "1366, 768, 1"})
    void aBandDrawnInStripsGivesThePictureOfTheWholeFrame(int width, int height, int tolerance) throws Exception {
        int[] before = screen(width, height, 1);
        int[] after = before.clone();
        int from = height * 3 / 8 + 1;
        int to = from + height / 10;
        int[] changed = screen(width, height, 2);
        System.arraycopy(changed, from * width, after, from * width, (to - from) * width);
        try (var banded = Letterbox.create(VideoSpec.EVIDENCE); var whole = Letterbox.create(VideoSpec.EVIDENCE)) {
            banded.draw(before, width, height);
            banded.draw(after, width, height, from, to);
            whole.draw(after, width, height);

            int[] largest = new int[1];
            long differing = 0;
            for (int plane = 0; plane < 3; plane++) {
                differing += compare(banded.frame(), whole.frame(), plane, largest);
            }
            assertThat(largest[0]).as("largest difference of a sample").isLessThanOrEqualTo(tolerance);
            assertThat(differing).as("samples that differ").isLessThan(640L * 480 / 100);
        }
    }

    /** A screen of 8x16 "glyphs" in random colours on a dark background, like text on a desktop. */
    private static int[] screen(int width, int height, long seed) {
        var random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int cellY = 0; cellY < height; cellY += 16) {
            for (int cellX = 0; cellX < width; cellX += 8) {
                int colour = random.nextInt(0x1000000);
                long shape = random.nextLong();
                for (int y = cellY; y < Math.min(height, cellY + 16); y++) {
                    for (int x = cellX; x < Math.min(width, cellX + 8); x++) {
                        boolean ink = (shape >>> ((y - cellY) * 4 + (x - cellX) / 2 & 63) & 1) != 0;
                        pixels[y * width + x] = ink ? colour : 0x101010;
                    }
                }
            }
        }
        return pixels;
    }

    /** Counts the samples of one plane that differ, keeping the largest difference. */
    private static long compare(AVFrame a, AVFrame b, int plane, int[] largest) {
        int rows = plane == 0 ? 480 : 240;
        int columns = plane == 0 ? 640 : 320;
        long differing = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int sa = a.data(plane).get((long) y * a.linesize(plane) + x) & 0xff;
                int sb = b.data(plane).get((long) y * b.linesize(plane) + x) & 0xff;
                if (sa != sb) {
                    differing++;
                    largest[0] = Math.max(largest[0], Math.abs(sa - sb));
                }
            }
        }
        return differing;
    }
}
