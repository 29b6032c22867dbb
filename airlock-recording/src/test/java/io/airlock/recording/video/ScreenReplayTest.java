package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.asciicast.AsciicastEvent;
import org.junit.jupiter.api.Test;

class ScreenReplayTest {

    @Test
    void cellsAreSizedForTheVideo() {
        assertThat(size(80, 24)).isEqualTo("640x480");
        assertThat(size(120, 36)).isEqualTo("600x468");
        assertThat(size(100, 30)).isEqualTo("600x480");
        assertThat(size(132, 43)).as("below 5x13 cells: drawn six pixels wide, shrunk to the video's width")
                .isEqualTo("792x559");
        assertThat(size(200, 60)).as("6x15 cells have the proportions of the video's 3.2x8").isEqualTo("1200x900");
        assertThat(size(80, 60)).as("too tall for six-pixel cells: drawn at 8x20, shrunk").isEqualTo("640x1200");
        assertThat(size(600, 400)).as("bounded memory").isEqualTo("2400x3200");
        assertThat(size(40, 12)).as("small terminals at the native 8x20").isEqualTo("320x240");
    }

    @Test
    void aResizeChangesTheCellSize() {
        ScreenReplay replay = new ScreenReplay(80, 24, 640, 480);
        replay.apply(new AsciicastEvent.Resize(1.0, 120, 36));
        replay.render();

        assertThat(replay.width() + "x" + replay.height()).isEqualTo("600x468");
    }

    private static String size(int columns, int rows) {
        ScreenReplay replay = new ScreenReplay(columns, rows, 640, 480);
        replay.render();
        return replay.width() + "x" + replay.height();
    }
}
