package io.airlock.recording.video;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.TerminalPlayback;
import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.asciicast.AsciicastHeader;
import io.airlock.recording.asciicast.AsciicastReader;
import io.airlock.terminal.CellRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * {@code ./airlock bench-legibility}: how much of the screen text an auditor can read back from the
 * evidence video. Each recording of the terminal corpus ({@code session-WxH.cast}, made in tmux) becomes
 * a video through the live transcoder, with the corpus's window size changes played in; the frame shown at
 * each checkpoint is read back by OCR ({@link OcrReadBack}) and scored against tmux's own text of that
 * screen ({@link WordsInOrder}). Beside it, the same screens drawn without a video at twice the native
 * cell size are read by the same OCR: what it reads there is the most any video of them could give, the
 * rest is lost to tesseract itself (nonsense words such as {@code llllllllll}, text on many background
 * colours under its single global threshold). Not a test: OCR is a judge with moods, the figures are for
 * comparing.
 */
public final class LegibilityBenchmark {

    private static final String SIZES = "80x24,120x36,132x43,200x60";
    /** The cell the reference drawing uses: twice the native 8x20, large enough that pixels cost no word. */
    private static final int REFERENCE_CELL_WIDTH = 2 * CellRenderer.DEFAULT_CELL_WIDTH;
    private static final int REFERENCE_CELL_HEIGHT = 2 * CellRenderer.DEFAULT_CELL_HEIGHT;

    private LegibilityBenchmark() {
    }

    /**
     * Figures of one recording.
     *
     * @param found the words read back from the video
     * @param foundInReference the words read back from the reference drawing
     */
    record Score(String size, int checkpoints, int words, int found, int foundInReference) {
        double percent() {
            return percentOf(found);
        }

        double referencePercent() {
            return percentOf(foundInReference);
        }

        private double percentOf(int count) {
            return words == 0 ? 100 : 100.0 * count / words;
        }
    }

    /**
     * Runs the benchmark on the corpus under {@code airlock.corpus}; {@code airlock.bench.sizes} picks the
     * recordings (default {@value #SIZES}), {@code airlock.bench.keep} keeps videos and frames there, and
     * {@code airlock.bench.verbose} prints each checkpoint's score.
     */
    public static void run(PrintStream out, PrintStream err) throws IOException, VideoException {
        Path corpus = Path.of(System.getProperty("airlock.corpus", "airlock-terminal/src/test/resources/corpus"));
        String keep = System.getProperty("airlock.bench.keep");
        boolean verbose = Boolean.getBoolean("airlock.bench.verbose");
        Path work = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("airlock-ocr-");
        try {
            List<Score> scores = new ArrayList<>();
            for (String size : System.getProperty("airlock.bench.sizes", SIZES).split(",")) {
                err.println("bench-legibility: " + size);
                scores.add(measure(corpus, size.trim(), Files.createDirectories(work.resolve(size.trim())),
                        verbose ? err : null));
            }
            out.println("terminal   checkpoints   words   read back   share   reference " + REFERENCE_CELL_WIDTH + "x"
                    + REFERENCE_CELL_HEIGHT + " cells, no video");
            for (Score score : scores) {
                out.printf("%-10s %11d %7d %11d %6.1f %% %10.1f %%%n", score.size(), score.checkpoints(),
                        score.words(), score.found(), score.percent(), score.referencePercent());
            }
        } catch (RecordingFormatException e) {
            throw new IOException("a corpus recording is unreadable: " + e.getMessage(), e);
        } finally {
            if (keep == null) {
                TranscodeBenchmark.deleteTree(work);
            }
        }
    }

    static Score measure(Path corpus, String size, Path work, PrintStream details)
            throws IOException, RecordingFormatException, VideoException {
        Path cast = corpus.resolve("session-" + size + ".cast");
        Path video = work.resolve("session-" + size + ".mp4");
        List<CorpusCheckpoints.Checkpoint> checkpoints = new ArrayList<>();
        List<Long> ticks = new ArrayList<>();
        List<Path> references = new ArrayList<>();
        try (InputStream in = Files.newInputStream(cast); AsciicastReader reader = AsciicastReader.open(in)) {
            AsciicastHeader header = reader.header();
            Iterator<CorpusCheckpoints.Step> steps = CorpusCheckpoints.read(
                    corpus.resolve("session-" + size + ".checkpoints"), header.height()).iterator();
            try (LiveTranscode live = AsciicastTranscoder.evidence().live(header.width(), header.height(), video)) {
                var reference = new ReferenceDrawing(header.width(), header.height(), work);
                var script = new CheckpointScript(steps, live, reference, checkpoints, ticks, references);
                script.reached(0, 0);
                int fed = 0;
                Optional<AsciicastEvent> event;
                while ((event = reader.next()).isPresent()) {
                    live.accept(event.get());
                    reference.apply(event.get());
                    script.reached(++fed, event.get().time());
                }
                live.finish();
            }
        }
        List<String> texts = OcrReadBack.read(video, ticks, work);
        List<String> referenceTexts = OcrReadBack.readImages(references, work);
        int words = 0;
        int found = 0;
        int foundInReference = 0;
        for (int i = 0; i < checkpoints.size(); i++) {
            List<String> expected = WordsInOrder.words(String.join("\n", checkpoints.get(i).lines()));
            int hits = WordsInOrder.found(expected, WordsInOrder.words(texts.get(i)));
            int referenceHits = WordsInOrder.found(expected, WordsInOrder.words(referenceTexts.get(i)));
            words += expected.size();
            found += hits;
            foundInReference += referenceHits;
            if (details != null) {
                details.printf("  %-28s %4d/%4d  reference %4d%n", checkpoints.get(i).label(), hits, expected.size(),
                        referenceHits);
            }
        }
        return new Score(size, checkpoints.size(), words, found, foundInReference);
    }

    /** The recording played into a terminal of its own, whose screen is drawn losslessly at checkpoints. */
    private static final class ReferenceDrawing {
        private final TerminalPlayback playback;
        private final CellRenderer renderer;
        private final Path work;

        ReferenceDrawing(int columns, int rows, Path work) {
            this.playback = new TerminalPlayback(columns, rows);
            this.renderer = new CellRenderer(playback.terminal(), REFERENCE_CELL_WIDTH, REFERENCE_CELL_HEIGHT);
            this.work = work;
        }

        void apply(AsciicastEvent event) {
            playback.apply(event);
        }

        /** Writes the screen as a PNG image, {@code reference-NNNNN.png} for the n-th checkpoint. */
        Path capture(int checkpoint) throws IOException {
            renderer.render();
            BufferedImage image = new BufferedImage(renderer.width(), renderer.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, renderer.width(), renderer.height(), renderer.pixels(), 0, renderer.width());
            Path file = work.resolve(String.format("reference-%05d.png", checkpoint));
            ImageIO.write(image, "png", file.toFile());
            return file;
        }
    }

    /** Plays the corpus's size changes into the video and notes the tick of each checkpoint. */
    private static final class CheckpointScript {
        private final Iterator<CorpusCheckpoints.Step> steps;
        private final LiveTranscode live;
        private final ReferenceDrawing reference;
        private final List<CorpusCheckpoints.Checkpoint> checkpoints;
        private final List<Long> ticks;
        private final List<Path> references;
        private CorpusCheckpoints.Step next;

        CheckpointScript(Iterator<CorpusCheckpoints.Step> steps, LiveTranscode live, ReferenceDrawing reference,
                List<CorpusCheckpoints.Checkpoint> checkpoints, List<Long> ticks, List<Path> references) {
            this.steps = steps;
            this.live = live;
            this.reference = reference;
            this.checkpoints = checkpoints;
            this.ticks = ticks;
            this.references = references;
            this.next = steps.hasNext() ? steps.next() : null;
        }

        /** The first {@code events} events, the last at {@code time}, have been played. */
        void reached(int events, double time) throws VideoException, IOException {
            while (next != null && next.events() == events) {
                switch (next) {
                    case CorpusCheckpoints.Resize resize -> {
                        var event = new AsciicastEvent.Resize(time, resize.columns(), resize.rows());
                        live.accept(event);
                        reference.apply(event);
                    }
                    case CorpusCheckpoints.Checkpoint checkpoint -> {
                        // The frame on the tick of the checkpoint's last event shows that screen: the corpus
                        // script waits for the screen to be quiet before it captures.
                        long tick = VideoSpec.EVIDENCE.tickAt(time);
                        if (ticks.isEmpty() || ticks.getLast() < tick) {
                            checkpoints.add(checkpoint);
                            ticks.add(tick);
                            references.add(reference.capture(checkpoints.size()));
                        }
                    }
                }
                next = steps.hasNext() ? steps.next() : null;
            }
        }
    }
}
