package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnfinishedWritesTest {

    @TempDir
    Path objects;

    @Test
    void removesOnlyTheTemporaryFilesOfUploadsThatNeverFinished() throws Exception {
        Path day = Files.createDirectories(objects.resolve("airlock/recordings/2026/11/28"));
        Path video = Files.writeString(day.resolve("7.mp4"), "whole");
        Path cast = Files.writeString(day.resolve("7.cast"), "whole");
        Path leftover = Files.writeString(day.resolve("8.mp4-06fe1382-b5dd-4eb5-9513-055a1a58503b"), "half");
        Path lookalike = Files.writeString(day.resolve("notes-06fe1382.txt"), "kept");

        assertThat(UnfinishedWrites.remove(objects)).containsExactly(leftover);

        assertThat(leftover).doesNotExist();
        assertThat(video).exists();
        assertThat(cast).exists();
        assertThat(lookalike).exists();
    }
}
