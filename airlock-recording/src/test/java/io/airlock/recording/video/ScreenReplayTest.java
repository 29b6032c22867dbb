package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.asciicast.AsciicastEvent;
import org.junit.jupiter.api.Test;

class ScreenReplayTest {

    @Test
    void cellsAreSizedForTheVideo() {
        assertThat(size(80, 24)).isEqualTo("640x480");
        assertThat(size(120, 36)).isEqualTo("600x468");
        assertThat(size(132, 43)).isEqualTo("660x473");
        assertThat(size(200, 60)).isEqualTo("800x480");
        assertThat(size(40, 12)).as("small terminals at the native 8x20").isEqualTo("320x240");
    }

    @Test
    void aResizeChangesTheCellSize() {
        ScreenReplay replay = new ScreenReplay(80, 24, 640, 480);
        replay.apply(new AsciicastEvent.Resize(1.0, 132, 43));
        replay.render();

        assertThat(replay.width() + "x" + replay.height()).isEqualTo("660x473");
    }

    private static String size(int columns, int rows) {
        ScreenReplay replay = new ScreenReplay(columns, rows, 640, 480);
        replay.render();
        return replay.width() + "x" + replay.height();
    }
}
