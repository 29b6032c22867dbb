package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void aPlatformThreadThatLowersItselfRunsAtTheLowestPriorityAndTheOthersKeepTheirs() throws Exception {
        int before = nice(BackgroundPriority.threadId());
        var lowered = new AtomicBoolean();
        var niceInside = new AtomicLong(-100);
        var again = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().start(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            niceInside.set(nice(BackgroundPriority.threadId()));
            again.set(BackgroundPriority.lowerCurrentThread());
        });
        worker.join();

        assertThat(lowered).isTrue();
        assertThat(again).as("a second call is answered from the thread's own record").isTrue();
        assertThat(niceInside.get()).isEqualTo(BackgroundPriority.NICE);
        assertThat(nice(BackgroundPriority.threadId())).as("the calling test's thread").isEqualTo(before);
    }

    @Test
    void aVirtualThreadLeavesItsCarrierAsItIs() throws Exception {
        int before = nice(BackgroundPriority.threadId());
        var lowered = new AtomicBoolean(true);
        var carrierNice = new AtomicLong(-100);
        Thread.ofVirtual().start(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            carrierNice.set(nice(BackgroundPriority.threadId()));
        }).join();

        assertThat(lowered).isFalse();
        assertThat(carrierNice.get()).isEqualTo(before);
    }

    /** Field 19 of {@code /proc/self/task/<tid>/stat}, counted after the command name, which may hold spaces. */
    static int nice(long tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
