package io.airlock.terminal;

import java.util.BitSet;

/** Horizontal tab stops; a fresh terminal has one every eight columns. */
final class TabStops {

    private static final int INTERVAL = 8;

    private final BitSet stops = new BitSet();
    private int columns;

    TabStops(int columns) {
        this.columns = columns;
        reset();
    }

    void reset() {
        stops.clear();
        for (int column = INTERVAL; column < columns; column += INTERVAL) {
            stops.set(column);
        }
    }

    void set(int column) {
        stops.set(column);
    }

    void clear(int column) {
        stops.clear(column);
    }

    void clearAll() {
        stops.clear();
    }

    /** The next stop right of {@code column}, or the last column when there is none. */
    int next(int column) {
        int stop = stops.nextSetBit(column + 1);
        return stop < 0 || stop >= columns ? columns - 1 : stop;
    }

    /** The previous stop left of {@code column}, or column 0 when there is none. */
    int previous(int column) {
        return column <= 0 ? 0 : Math.max(0, stops.previousSetBit(column - 1));
    }

    /** New columns get the default stops, as xterm gives them when the window widens. */
    void resize(int newColumns) {
        if (newColumns > columns) {
            int first = (columns + INTERVAL - 1) / INTERVAL * INTERVAL;
            for (int column = Math.max(INTERVAL, first); column < newColumns; column += INTERVAL) {
                stops.set(column);
            }
        } else {
            stops.clear(newColumns, Math.max(newColumns, columns));
        }
        columns = newColumns;
    }
}
