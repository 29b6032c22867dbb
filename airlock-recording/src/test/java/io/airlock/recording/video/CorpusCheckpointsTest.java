package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCheckpointsTest {

    @Test
    void everyCorpusSizeHasScreensOfItsRowsAndItsSizeChanges() throws Exception {
        List<CorpusCheckpoints.Step> steps = CorpusCheckpoints.read(
                TranscodedVideoTest.CORPUS.resolve("session-132x43.checkpoints"), 43);

        var first = (CorpusCheckpoints.Checkpoint) steps.getFirst();
        assertThat(first.label()).isEqualTo("prompt");
        assertThat(first.lines()).hasSize(43).first().isEqualTo("corpus$");
        // vim-resized comes after the pane shrank by 15 columns and 4 rows.
        assertThat(steps).contains(new CorpusCheckpoints.Resize(stepEvents(steps, "vim-resized"), 117, 39));
        assertThat(steps.stream().filter(CorpusCheckpoints.Checkpoint.class::isInstance)
                .map(CorpusCheckpoints.Checkpoint.class::cast)
                .filter(c -> c.label().equals("vim-resized")).findFirst().orElseThrow().lines()).hasSize(39);
    }

    private static int stepEvents(List<CorpusCheckpoints.Step> steps, String label) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) instanceof CorpusCheckpoints.Checkpoint c && c.label().equals(label)
                    && steps.get(i - 1) instanceof CorpusCheckpoints.Resize resize) {
                return resize.events();
            }
        }
        throw new AssertionError("no resize before " + label);
    }

    @Test
    void unknownLinesAreRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.checkpoints"), "nonsense events=1\n");

        assertThatThrownBy(() -> CorpusCheckpoints.read(file, 24)).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected line 1");
    }
}
