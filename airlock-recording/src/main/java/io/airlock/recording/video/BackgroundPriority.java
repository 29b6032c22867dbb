package io.airlock.recording.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the calling thread behind everything else the machine runs, for the one kind of work that may wait:
 * making evidence videos. On a gateway the videos are encoded on the same cores that carry every session's
 * keystrokes; at equal priority two dozen encoders take the processor from the two threads that carry
 * hundreds of sessions, and echo waits for them. Java's thread priorities do nothing on Linux, but there
 * the nice value belongs to each thread, and raising one's own needs no privilege; {@code renice} (util-linux,
 * on every Debian system) sets it for the thread's id. It cannot be lowered again without privilege, so only
 * threads that do nothing but this work call it. Where it cannot be done (no {@code /proc}, no
 * {@code renice}) the work runs at normal priority: slower echo under load, nothing lost.
 */
public final class BackgroundPriority {

    /** The lowest priority a thread can have without a real-time or idle scheduling policy. */
    static final int NICE = 19;
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private BackgroundPriority() {
    }

    /**
     * Lowers the calling platform thread's priority, once; a virtual thread is left as it is (its carrier
     * runs other threads too).
     *
     * @return whether the thread now runs at background priority
     */
    public static boolean lowerCurrentThread() {
        if (Thread.currentThread().isVirtual()) {
            return false;
        }
        if (LOWERED.get()) {
            return true;
        }
        boolean lowered = renice(threadId());
        LOWERED.set(lowered);
        if (!lowered && WARNED.compareAndSet(false, true)) {
            System.getLogger(BackgroundPriority.class.getName()).log(System.Logger.Level.WARNING, "Evidence videos "
                    + "are encoded at normal priority: 'renice' could not lower the encoding threads (it needs Linux "
                    + "and util-linux); under heavy load keystrokes may wait for the encoders.");
        }
        return lowered;
    }

    /** {@return whether the calling thread runs at background priority, through {@link #lowerCurrentThread()}} */
    static boolean isCurrentThreadLowered() {
        return LOWERED.get();
    }

    /** The kernel's id of the calling thread, from {@code /proc/thread-self -> <pid>/task/<tid>}; 0 if unknown. */
    static long threadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(link.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return 0;
        }
    }

    private static boolean renice(long tid) {
        if (tid <= 0) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", Long.toString(tid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
