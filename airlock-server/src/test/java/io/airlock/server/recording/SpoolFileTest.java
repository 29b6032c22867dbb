package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFileTest {

    @TempDir
    Path dir;

    @Test
    void halfALineLeftByACrashIsCutAndFinishingAgainChangesNothing() throws Exception {
        Path cast = Files.writeString(dir.resolve("s.cast"),
                "{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"ok\"]\n[0.9,\"o\",\"hal");

        assertThat(SpoolFile.finish(cast)).isEqualTo("[0.9,\"o\",\"hal".length());
        assertThat(Files.readString(cast)).isEqualTo("{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"ok\"]\n");
        assertThat(SpoolFile.finish(cast)).isZero();
    }

    @Test
    void aLongLastLineIsFoundAcrossReadBlocks() throws Exception {
        String header = "{\"version\":2,\"width\":80,\"height\":24}\n";
        Path cast = Files.writeString(dir.resolve("long.cast"), header + "[1.0,\"o\",\"" + "x".repeat(200_000));

        long partial = Files.size(cast) - header.length();

        assertThat(SpoolFile.finish(cast)).isEqualTo(partial);
        assertThat(Files.readString(cast)).isEqualTo(header);
    }

    @Test
    void aFileWithoutEvenAHeaderLineIsRefused() throws Exception {
        Path cast = Files.writeString(dir.resolve("empty.cast"), "{\"version\":2,\"wid");

        assertThatThrownBy(() -> SpoolFile.finish(cast)).isInstanceOf(IOException.class)
                .hasMessageContaining("no complete line");
    }
}
