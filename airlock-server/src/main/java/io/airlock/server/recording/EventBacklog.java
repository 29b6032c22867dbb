package io.airlock.server.recording;

import io.airlock.recording.asciicast.AsciicastEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events on their way from a session to its live encoder, bounded by their number and by the text they
 * carry: a session printing fast outruns its encoder by megabytes, not by events, and a gateway holds
 * hundreds of such sessions. Offering never blocks; what does not fit is refused, and the caller then
 * leaves the video to be made from the spool file after the session.
 */
final class EventBacklog {

    private final BlockingQueue<AsciicastEvent> queue;
    private final long maxChars;
    private final AtomicLong chars = new AtomicLong();

    EventBacklog(int maxEvents, long maxChars) {
        this.queue = new ArrayBlockingQueue<>(maxEvents);
        this.maxChars = maxChars;
    }

    /** Queues an event unless that would pass either bound; never blocks. */
    boolean offer(AsciicastEvent event) {
        long size = charsOf(event);
        if (chars.addAndGet(size) > maxChars) {
            chars.addAndGet(-size);
            return false;
        }
        if (!queue.offer(event)) {
            chars.addAndGet(-size);
            return false;
        }
        return true;
    }

    /** Queues an event, waiting for room if needed; for the end marker, which must get through. */
    void put(AsciicastEvent event) throws InterruptedException {
        queue.put(event);
        chars.addAndGet(charsOf(event));
    }

    /** The next event, waiting for one. */
    AsciicastEvent take() throws InterruptedException {
        AsciicastEvent event = queue.take();
        chars.addAndGet(-charsOf(event));
        return event;
    }

    int size() {
        return queue.size();
    }

    /** The text the queued events carry, in characters. */
    long chars() {
        return chars.get();
    }

    private static long charsOf(AsciicastEvent event) {
        return switch (event) {
            case AsciicastEvent.Output output -> output.data().length();
            case AsciicastEvent.Input input -> input.data().length();
            case AsciicastEvent.Marker marker -> marker.label() == null ? 0 : marker.label().length();
            case AsciicastEvent.Resize resize -> 0;
        };
    }
}
