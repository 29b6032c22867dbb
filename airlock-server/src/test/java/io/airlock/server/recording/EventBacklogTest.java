package io.airlock.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.recording.asciicast.AsciicastEvent;
import org.junit.jupiter.api.Test;

class EventBacklogTest {

    @Test
    void textBeyondTheBudgetIsRefusedUntilTheEncoderTakesSome() throws Exception {
        var backlog = new EventBacklog(100, 10);
        assertThat(backlog.offer(new AsciicastEvent.Output(0, "123456"))).isTrue();
        assertThat(backlog.offer(new AsciicastEvent.Output(0.1, "12345"))).as("11 characters").isFalse();
        assertThat(backlog.offer(new AsciicastEvent.Output(0.2, "1234"))).isTrue();
        assertThat(backlog.chars()).isEqualTo(10);

        assertThat(backlog.take()).isEqualTo(new AsciicastEvent.Output(0, "123456"));
        assertThat(backlog.chars()).isEqualTo(4);
        assertThat(backlog.offer(new AsciicastEvent.Output(0.3, "123456"))).isTrue();
        assertThat(backlog.size()).isEqualTo(2);
    }

    @Test
    void eventsBeyondTheCountAreRefusedWithoutLosingTrackOfTheirText() throws Exception {
        var backlog = new EventBacklog(2, 1000);
        assertThat(backlog.offer(new AsciicastEvent.Resize(0, 80, 24))).isTrue();
        assertThat(backlog.offer(new AsciicastEvent.Output(0, "ab"))).isTrue();
        assertThat(backlog.offer(new AsciicastEvent.Output(0, "cd"))).isFalse();
        assertThat(backlog.chars()).isEqualTo(2);
        backlog.take();
        backlog.take();
        assertThat(backlog.chars()).isZero();
    }
}
