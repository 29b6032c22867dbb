package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void standardTerminalFillsTheVideoUnscaled() {
        Placement p = Placement.fit(640, 480, 640, 480);
        assertThat(p).isEqualTo(new Placement(0, 0, 640, 480));
        assertThat(p.scales(640, 480)).isFalse();
    }

    @Test
    void largerFourByThreeTerminalsAreScaledDownToFill() {
        assertThat(Placement.fit(960, 720, 640, 480)).isEqualTo(new Placement(0, 0, 640, 480));
        assertThat(Placement.fit(1600, 1200, 640, 480)).isEqualTo(new Placement(0, 0, 640, 480));
    }

    @Test
    void wideTerminalGetsBarsAboveAndBelow() {
        // 132x24 cells: 1056x480 pixels, scaled by 640/1056.
        assertThat(Placement.fit(1056, 480, 640, 480)).isEqualTo(new Placement(0, 94, 640, 290));
    }

    @Test
    void aFrameThatFitsIsNotStretchedByAFraction() {
        // 120x36 at 5x13 cells: centred as drawn, not blurred by a 2.5 % enlargement.
        assertThat(Placement.fit(600, 468, 640, 480)).isEqualTo(new Placement(20, 6, 600, 468));
        // 40x12 at 8x20 cells is still doubled to fill the video.
        assertThat(Placement.fit(320, 240, 640, 480)).isEqualTo(new Placement(0, 0, 640, 480));
    }

    @Test
    void tallTerminalGetsBarsAtTheSidesAndEverythingStaysEven() {
        Placement p = Placement.fit(320, 600, 640, 480);
        assertThat(p).isEqualTo(new Placement(192, 0, 256, 480));
        Placement odd = Placement.fit(8, 1000, 640, 480);
        assertThat(odd.x() % 2 + odd.y() % 2 + odd.width() % 2 + odd.height() % 2).isZero();
        assertThat(odd.width()).isGreaterThanOrEqualTo(2);
    }
}
