package io.airlock.terminal;

/**
 * The cursor as the operator sees it.
 *
 * @param row zero-based row on the visible screen
 * @param column zero-based column on the visible screen
 * @param visible false while the program has hidden it (DECTCEM)
 */
public record Cursor(int row, int column, boolean visible) {
}
