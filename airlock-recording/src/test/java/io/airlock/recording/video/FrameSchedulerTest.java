package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSchedulerTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void firstSecondIsFullRateThenOnlyChangesAndKeyframes() throws Exception {
        try (Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE)) {
            FrameScheduler frames = new FrameScheduler(VideoSpec.EVIDENCE, letterbox,
                    (picture, tick, keyframe) -> sent.add(tick + (keyframe ? "K" : "")));

            frames.changed(0);
            frames.changed(30);
            frames.changed(31);
            frames.end(200);

            assertThat(sent.subList(0, 25)).first().isEqualTo("0K");
            assertThat(sent.subList(1, 25)).allMatch(s -> !s.endsWith("K"));
            assertThat(sent.subList(25, sent.size()))
                    .containsExactly("30", "31", "50K", "100K", "150K", "199");
        }
    }

    @Test
    void keyframesAreNeverMoreThanTwoSecondsApartDuringActivity() throws Exception {
        try (Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE)) {
            List<Long> keys = new ArrayList<>();
            FrameScheduler frames = new FrameScheduler(VideoSpec.EVIDENCE, letterbox,
                    (picture, tick, keyframe) -> {
                        if (keyframe) {
                            keys.add(tick);
                        }
                    });
            for (long tick = 0; tick < 500; tick += 3) {
                frames.changed(tick);
            }
            frames.end(600);
            for (int i = 1; i < keys.size(); i++) {
                assertThat(keys.get(i) - keys.get(i - 1)).isLessThanOrEqualTo(50);
            }
            assertThat(600 - keys.getLast()).isLessThanOrEqualTo(50);
        }
    }
}
