package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingThreadTest {

    @Test
    void picturesArriveInOrderWithTheirKeyframeFlags() throws Exception {
        List<String> encoded = Collections.synchronizedList(new ArrayList<>());
        try (Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE);
                EncodingThread thread = new EncodingThread(
                        (picture, tick, keyframe) -> encoded.add(tick + (keyframe ? "K" : "")), VideoSpec.EVIDENCE)) {
            for (long tick = 0; tick < 100; tick++) {
                thread.picture(letterbox.frame(), tick, tick % 50 == 0);
            }
            thread.drain();
        }
        assertThat(encoded).hasSize(100).startsWith("0K", "1", "2").contains("50K").endsWith("99");
    }

    @Test
    void anEncoderFailureReachesTheProducerAndTheThreadEnds() throws Exception {
        try (Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE);
                EncodingThread thread = new EncodingThread((picture, tick, keyframe) -> {
                    if (tick == 3) {
                        throw new VideoException("disk full");
                    }
                }, VideoSpec.EVIDENCE)) {
            assertThatThrownBy(() -> {
                for (long tick = 0; tick < 1000; tick++) {
                    thread.picture(letterbox.frame(), tick, false);
                }
                thread.drain();
            }).isInstanceOf(VideoException.class).hasMessage("disk full");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("airlock-encoder"));
    }
}
