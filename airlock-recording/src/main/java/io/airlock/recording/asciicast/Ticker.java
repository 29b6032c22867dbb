package io.airlock.recording.asciicast;

/**
 * A monotonic time source in nanoseconds, for the time between events: unlike the wall clock it never
 * steps when NTP or an administrator sets the time, so a recording neither runs backwards nor gains a gap
 * that never happened. Only differences between two readings mean anything.
 */
@FunctionalInterface
public interface Ticker {

    /** {@link System#nanoTime()}, the one to use outside tests. */
    Ticker SYSTEM = System::nanoTime;

    /** {@return the current reading in nanoseconds} */
    long nanos();
}
