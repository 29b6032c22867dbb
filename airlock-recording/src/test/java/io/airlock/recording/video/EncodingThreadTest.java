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
    void picturesAreEncodedAtThePriorityOfTheThreadThatHandsThemOver() throws Exception {
        int normal = BackgroundPriorityTest.nice(BackgroundPriority.threadId());
        assertThat(encoderNiceWhenHandedOverBy(false)).as("a transcode of its own").isEqualTo(normal);
        assertThat(encoderNiceWhenHandedOverBy(true)).as("a gateway's background job")
                .isEqualTo(BackgroundPriority.NICE);
    }

    /** The nice value the encoder ran at, given pictures by a new platform thread, lowered or not. */
    private static int encoderNiceWhenHandedOverBy(boolean lowered) throws Exception {
        List<Integer> nice = Collections.synchronizedList(new ArrayList<>());
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        Thread producer = Thread.ofPlatform().start(() -> {
            if (lowered) {
                BackgroundPriority.lowerCurrentThread();
            }
            try (Letterbox letterbox = Letterbox.create(VideoSpec.EVIDENCE);
                    EncodingThread thread = new EncodingThread((picture, tick, keyframe) ->
                            nice.add(BackgroundPriorityTest.nice(BackgroundPriority.threadId())), VideoSpec.EVIDENCE)) {
                thread.picture(letterbox.frame(), 0, true);
                thread.drain();
            } catch (VideoException e) {
                failures.add(e);
            }
        });
        producer.join();
        assertThat(failures).isEmpty();
        assertThat(nice).hasSize(1);
        return nice.get(0);
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
