package io.airlock.recording.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads a video's frames back as text the way an auditor's tools would: Debian's ffmpeg decodes the
 * frame shown at each given tick, upscaled 3x (bicubic), and Debian's tesseract (English model) reads it
 * as one uniform block of text (page segmentation mode 6), which a terminal screen is: with its default
 * page analysis tesseract takes the aligned columns of a monospaced screen for a table and reads it
 * column by column (53 % of the words in order at 80x24 instead of 82 %, measured before the bitmap
 * fonts).
 */
final class OcrReadBack {

    private static final int UPSCALE = 3;
    private static final long TIMEOUT_SECONDS = 300;

    private OcrReadBack() {
    }

    /**
     * The text tesseract reads in the frame shown at each tick.
     *
     * @param video an evidence video
     * @param ticks frame positions on the 25 fps grid, ascending, no repeats
     * @param work a directory for the frame images
     * @return one text per tick, in order
     */
    static List<String> read(Path video, List<Long> ticks, Path work) throws IOException {
        if (ticks.isEmpty()) {
            return List.of();
        }
        // fps=25 repeats each frame until the next one, so the n-th frame out is the picture on tick n.
        String select = ticks.stream().map(tick -> "eq(n\\," + tick + ")").collect(Collectors.joining("+"));
        String pattern = work.resolve("frame-%05d.png").toString();
        run(work, "ffmpeg", "-v", "error", "-y", "-i", video.toString(), "-vf",
                "fps=" + VideoSpec.EVIDENCE.framesPerSecond() + ",select='" + select + "',scale=iw*" + UPSCALE
                        + ":ih*" + UPSCALE + ":flags=bicubic",
                "-fps_mode", "passthrough", pattern);
        List<Path> frames = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i++) {
            Path frame = work.resolve(String.format("frame-%05d.png", i + 1));
            if (!Files.exists(frame)) {
                throw new IOException("ffmpeg gave " + i + " frames for " + ticks.size() + " ticks of " + video);
            }
            frames.add(frame);
        }
        return readImages(frames, work);
    }

    /** The text tesseract reads in each image, in order, read as {@link #read} reads a video's frames. */
    static List<String> readImages(List<Path> images, Path work) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (Path image : images) {
                texts.add(pool.submit(() -> run(work, "tesseract", image.toString(), "stdout", "--psm", "6")));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> text : texts) {
                result.add(text.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading frames back");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(Path work, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // One thread per tesseract: the pool already runs one per core.
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.directory(work.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is missing: the legibility benchmark needs Debian's ffmpeg and"
                    + " tesseract-ocr (./airlock bench-legibility installs them)", e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed");
            }
            return out;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0]);
        }
    }
}
