package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSchedulerTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void firstSecondIsFullRateThenOnlyChangesAndKeyframes() throws Exception {
        schedule((picture, tick, keyframe) -> sent.add(tick + (keyframe ? "K" : "")), frames -> {
            frames.changed(0);
            frames.changed(30);
            frames.changed(31);
            frames.end(200);
        });

        assertThat(sent.subList(0, 25)).first().isEqualTo("0K");
        assertThat(sent.subList(1, 25)).allMatch(s -> !s.endsWith("K"));
        // The still picture after 31 is the keyframe due 2 s after 0; from then on it is only repeated.
        assertThat(sent.subList(25, sent.size())).containsExactly("30", "31", "50K", "100", "150", "199");
    }

    @Test
    void keyframesAreNeverMoreThanTwoSecondsApartDuringActivity() throws Exception {
        List<Long> keys = new ArrayList<>();
        schedule((picture, tick, keyframe) -> {
            if (keyframe) {
                keys.add(tick);
            }
        }, frames -> {
            for (long tick = 0; tick < 500; tick += 3) {
                frames.changed(tick);
            }
            frames.end(600);
        });
        for (int i = 1; i < keys.size(); i++) {
            assertThat(keys.get(i) - keys.get(i - 1)).isLessThanOrEqualTo(50);
        }
        // After the last change (498) the still picture is the keyframe due within 2 s; nothing follows.
        assertThat(keys.getLast()).isGreaterThan(498).isLessThanOrEqualTo(498 + 50);
    }

    @Test
    void aStillPictureIsRepeatedEveryTwoSecondsAndKeyedEveryThirty() throws Exception {
        schedule((picture, tick, keyframe) -> sent.add(tick + (keyframe ? "K" : "")), frames -> {
            frames.changed(0);
            frames.changed(1000); // typing after 40 s of nothing
            frames.changed(1010);
            frames.end(3000);
        });

        List<String> afterFirstSecond = sent.subList(25, sent.size());
        assertThat(afterFirstSecond.subList(0, 15)).containsExactly("50", "100", "150", "200", "250", "300",
                "350", "400", "450", "500", "550", "600", "650", "700", "750K");
        // 1000 is 250 ticks after the keyframe at 750: the change is a keyframe itself.
        assertThat(afterFirstSecond.subList(15, 22)).containsExactly("800", "850", "900", "950", "1000K",
                "1010", "1050K");
        // From the still picture's keyframe on: repeats on its 2 s grid, a keyframe every 30 s.
        List<String> tail = afterFirstSecond.subList(22, afterFirstSecond.size());
        for (int i = 0; i < tail.size() - 1; i++) {
            long tick = 1050 + 50L * (i + 1);
            assertThat(tail.get(i)).isEqualTo(tick + ((tick - 1050) % 750 == 0 ? "K" : ""));
        }
        assertThat(tail.getLast()).isEqualTo("2999");
    }

    private interface Schedule {
        void run(FrameScheduler frames) throws VideoException;
    }

    @Test
    void atConstantFrameRateEveryTickHasAFrameAndKeyframesKeepTheirRules() throws Exception {
        List<Long> ticks = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        schedule(VideoSpec.EVIDENCE.withEveryTick(), (picture, tick, keyframe) -> {
            ticks.add(tick);
            if (keyframe) {
                keys.add(tick);
            }
        }, frames -> {
            frames.changed(0);
            frames.changed(1000);
            frames.changed(1010);
            frames.end(3000);
        });

        assertThat(ticks).hasSize(3000);
        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i)).isEqualTo(i);
        }
        // Idle stretches are keyed every 30 s as without the constant rate; a change 2 s after a key is one.
        assertThat(keys).containsExactly(0L, 750L, 1000L, 1050L, 1800L, 2550L);
    }

    private static void schedule(FrameSink sink, Schedule schedule) throws VideoException {
        schedule(VideoSpec.EVIDENCE, sink, schedule);
    }

    private static void schedule(VideoSpec spec, FrameSink sink, Schedule schedule) throws VideoException {
        try (Letterbox letterbox = Letterbox.create(spec)) {
            schedule.run(new FrameScheduler(spec, letterbox, sink));
        }
    }
}
