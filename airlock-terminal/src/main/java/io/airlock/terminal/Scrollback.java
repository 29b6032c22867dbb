package io.airlock.terminal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines scrolled off the top of the main screen, oldest first, never more than its capacity: a ring,
 * so pushing is constant time and the oldest line silently makes room for the newest.
 */
final class Scrollback {

    private final Line[] ring;
    private int oldest;
    private int size;

    Scrollback(int capacity) {
        this.ring = new Line[capacity];
    }

    /** Keeps the line; returns the line no longer kept (the oldest, or this one without room), or null. */
    Line push(Line line) {
        if (ring.length == 0) {
            return line;
        }
        if (size == ring.length) {
            Line evicted = ring[oldest];
            ring[oldest] = line;
            oldest = (oldest + 1) % ring.length;
            return evicted;
        }
        ring[(oldest + size) % ring.length] = line;
        size++;
        return null;
    }

    /** Takes back the newest line, for a screen that grows taller; null when empty. */
    Line popNewest() {
        if (size == 0) {
            return null;
        }
        int newest = (oldest + size - 1) % ring.length;
        Line line = ring[newest];
        ring[newest] = null;
        size--;
        return line;
    }

    int size() {
        return size;
    }

    /** Line {@code index}, 0 being the oldest kept. */
    Line get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ring[(oldest + index) % ring.length];
    }

    /** Removes and returns every line, oldest first. */
    List<Line> drain() {
        List<Line> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(get(i));
        }
        clear();
        return all;
    }

    void clear() {
        Arrays.fill(ring, null);
        oldest = 0;
        size = 0;
    }
}
