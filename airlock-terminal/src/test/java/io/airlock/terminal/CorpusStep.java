package io.airlock.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One entry of a {@code .checkpoints} file written by {@code scripts/terminal-corpus.sh}. */
sealed interface CorpusStep permits CorpusStep.Checkpoint, CorpusStep.Resize {

    /** How many output events of the recording come before this step. */
    int events();

    /**
     * The screen tmux showed after the first {@code events} events, and where it had the cursor.
     *
     * @param label the scenario's name
     * @param events events replayed before the capture
     * @param cursorRow tmux's cursor row
     * @param cursorColumn tmux's cursor column
     * @param lines one captured line per row
     */
    record Checkpoint(String label, int events, int cursorRow, int cursorColumn, List<String> lines)
            implements CorpusStep {
    }

    /**
     * The pane took a new size after the first {@code events} events.
     *
     * @param events events replayed before the resize
     * @param columns new width
     * @param rows new height
     */
    record Resize(int events, int columns, int rows) implements CorpusStep {
    }

    static List<CorpusStep> read(Path path, int initialRows) throws IOException {
        List<String> all = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<CorpusStep> steps = new ArrayList<>();
        int rows = initialRows;
        int i = 0;
        while (i < all.size()) {
            String[] header = all.get(i).split(" ");
            int events = Integer.parseInt(field(header, "events="));
            switch (header[0]) {
                case "checkpoint" -> {
                    String[] cursor = field(header, "cursor=").split(",");
                    steps.add(new Checkpoint(header[1], events, Integer.parseInt(cursor[0]),
                            Integer.parseInt(cursor[1]), List.copyOf(all.subList(i + 1, i + 1 + rows))));
                    i += 1 + rows;
                }
                case "resize" -> {
                    String[] size = field(header, "size=").split("x");
                    rows = Integer.parseInt(size[1]);
                    steps.add(new Resize(events, Integer.parseInt(size[0]), rows));
                    i++;
                }
                default -> throw new IOException("unexpected line " + (i + 1) + " of " + path + ": " + all.get(i));
            }
        }
        return steps;
    }

    private static String field(String[] header, String name) throws IOException {
        for (String token : header) {
            if (token.startsWith(name)) {
                return token.substring(name.length());
            }
        }
        throw new IOException("no " + name + " in " + String.join(" ", header));
    }
}
