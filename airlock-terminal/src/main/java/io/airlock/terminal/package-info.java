/**
 * A headless xterm-compatible terminal emulator and a cell renderer, for turning recorded terminal
 * sessions into the screens and video frames the operator saw.
 *
 * <p>Bytes flow through three stages, each knowing nothing of the next one's details:
 * {@code Utf8Decoder} (bytes to code points, U+FFFD for malformed input) feeds {@code Parser} (Paul
 * Williams' DEC ANSI state machine, syntax only), which reports what it recognised through
 * {@code ParserActions}; {@code Interpreter} gives those their xterm meaning and performs them on
 * {@code Screen} (cursor, pen, modes, scroll region, tab stops, main and alternate {@code Buffer}s of
 * {@code Line}s, {@code Scrollback}). {@link io.airlock.terminal.Terminal} is the public face;
 * {@link io.airlock.terminal.CellRenderer} draws its cells into RGB frames.
 *
 * <p>Behaviour is checked against tmux by replaying recordings made with
 * {@code scripts/terminal-corpus.sh}; where tmux departs from xterm, xterm wins and the test says why.
 */
package io.airlock.terminal;
