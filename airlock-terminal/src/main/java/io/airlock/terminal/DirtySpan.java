package io.airlock.terminal;

/**
 * Cells of one row that changed since a renderer last asked.
 *
 * @param row zero-based row on the visible screen
 * @param fromColumn first changed column, inclusive
 * @param toColumn last changed column, exclusive
 */
public record DirtySpan(int row, int fromColumn, int toColumn) {
}
