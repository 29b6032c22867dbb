package io.airlock.recording.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference screens of a terminal-corpus recording ({@code session-WxH.checkpoints}, written by
 * {@code scripts/terminal-corpus.sh}): what tmux showed after the first {@code events} events, and the
 * window size changes, which asciinema 2 does not record in the cast itself.
 */
final class CorpusCheckpoints {

    private CorpusCheckpoints() {
    }

    /** One entry of the file. */
    sealed interface Step permits Checkpoint, Resize {

        /** How many events of the recording come before this step. */
        int events();
    }

    /**
     * The screen tmux showed.
     *
     * @param label the scenario's name
     * @param events events replayed before the capture
     * @param lines one captured line per row
     */
    record Checkpoint(String label, int events, List<String> lines) implements Step {
    }

    /**
     * The pane took a new size.
     *
     * @param events events replayed before the resize
     * @param columns new width
     * @param rows new height
     */
    record Resize(int events, int columns, int rows) implements Step {
    }

    static List<Step> read(Path path, int initialRows) throws IOException {
        List<String> all = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        int rows = initialRows;
        int i = 0;
        while (i < all.size()) {
            String[] header = all.get(i).split(" ");
            int events = Integer.parseInt(field(header, "events=", path));
            switch (header[0]) {
                case "checkpoint" -> {
                    if (i + 1 + rows > all.size()) {
                        throw new IOException(path + " ends inside checkpoint " + header[1]);
                    }
                    steps.add(new Checkpoint(header[1], events, List.copyOf(all.subList(i + 1, i + 1 + rows))));
                    i += 1 + rows;
                }
                case "resize" -> {
                    String[] size = field(header, "size=", path).split("x");
                    rows = Integer.parseInt(size[1]);
                    steps.add(new Resize(events, Integer.parseInt(size[0]), rows));
                    i++;
                }
                default -> throw new IOException("unexpected line " + (i + 1) + " of " + path + ": " + all.get(i));
            }
        }
        return steps;
    }

    private static String field(String[] header, String name, Path path) throws IOException {
        for (String token : header) {
            if (token.startsWith(name)) {
                return token.substring(name.length());
            }
        }
        throw new IOException("no " + name + " in a header of " + path + ": " + String.join(" ", header));
    }
}
