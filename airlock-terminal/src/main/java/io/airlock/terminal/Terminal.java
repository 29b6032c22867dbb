package io.airlock.terminal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An xterm-compatible terminal emulator without a window: feed it what a program wrote and read back
 * what the operator saw.
 *
 * <pre>{@code
 * Terminal term = new Terminal(80, 24);
 * term.feed(bytesFromTheSession);
 * String text = term.screenText();
 * Cell cell = term.cell(0, 0);
 * }</pre>
 *
 * <p>Input is UTF-8; malformed bytes become U+FFFD and no input makes {@link #feed} throw or grow memory
 * without bound. Not thread-safe: one session's replay owns one instance.
 */
public final class Terminal {

    /** Scrollback lines kept when the caller does not say. */
    public static final int DEFAULT_SCROLLBACK_LINES = 10_000;

    /** Upper bound on columns and rows, so a hostile resize cannot exhaust memory. */
    public static final int MAX_DIMENSION = 1000;

    /** Printable ASCII goes to the screen in runs of at most this many characters, copied here first. */
    private static final int ASCII_RUN = 4096;

    private final Screen screen;
    private final Replies replies = new Replies();
    private final Interpreter interpreter;
    private final Parser parser;
    private final Utf8Decoder decoder = new Utf8Decoder();
    private final char[] asciiRun = new char[ASCII_RUN];

    /**
     * Creates a terminal with {@value #DEFAULT_SCROLLBACK_LINES} lines of scrollback.
     *
     * @param columns width in cells, 1 to {@value #MAX_DIMENSION}
     * @param rows height in cells, 1 to {@value #MAX_DIMENSION}
     */
    public Terminal(int columns, int rows) {
        this(columns, rows, DEFAULT_SCROLLBACK_LINES);
    }

    /**
     * Creates a terminal.
     *
     * @param columns width in cells, 1 to {@value #MAX_DIMENSION}
     * @param rows height in cells, 1 to {@value #MAX_DIMENSION}
     * @param scrollbackLines how many lines scrolled off the main screen to keep, 0 or more
     */
    public Terminal(int columns, int rows, int scrollbackLines) {
        checkSize(columns, rows);
        if (scrollbackLines < 0) {
            throw new IllegalArgumentException("scrollback must not be negative: " + scrollbackLines);
        }
        this.screen = new Screen(columns, rows, scrollbackLines);
        this.interpreter = new Interpreter(screen, replies);
        this.parser = new Parser(interpreter);
    }

    /**
     * Processes output of the program, as UTF-8 bytes. A multi-byte character may be split across calls.
     *
     * @param bytes the output
     */
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * Processes part of an array of UTF-8 output bytes.
     *
     * @param bytes the buffer
     * @param offset first byte to process
     * @param length number of bytes
     */
    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (decoder.idle()) {
                int run = asciiRunEnd(bytes, i, end);
                if (run > i) {
                    printAscii(bytes, i, run);
                    i = run;
                    continue;
                }
            }
            // Up to the next printable ASCII byte, through the decoder: it may end a sequence in progress.
            int next = i + 1;
            while (next < end && !printableAscii(bytes[next])) {
                next++;
            }
            decoder.decode(bytes, i, next - i, parser::advance);
            i = next;
        }
    }

    /**
     * Processes output that is already text, such as the data of an asciicast event.
     *
     * @param text the output
     */
    public void feed(String text) {
        decoder.flush(parser::advance);
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (printableAscii(c)) {
                int run = i + 1;
                while (run < length && run - i < ASCII_RUN && printableAscii(text.charAt(run))) {
                    run++;
                }
                text.getChars(i, run, asciiRun, 0);
                parser.advanceAscii(asciiRun, 0, run - i);
                i = run;
            } else {
                int codePoint = text.codePointAt(i);
                parser.advance(codePoint);
                i += Character.charCount(codePoint);
            }
        }
    }

    private void printAscii(byte[] bytes, int from, int to) {
        for (int start = from; start < to; start += ASCII_RUN) {
            int n = Math.min(ASCII_RUN, to - start);
            for (int k = 0; k < n; k++) {
                asciiRun[k] = (char) bytes[start + k];
            }
            parser.advanceAscii(asciiRun, 0, n);
        }
    }

    private static int asciiRunEnd(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && printableAscii(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean printableAscii(int c) {
        return c >= 0x20 && c < 0x7F;
    }

    /**
     * Changes the size the way tmux does, whose screens the emulator is tested against. Rows change
     * first: when the screen gets shorter, rows below the cursor go first and then rows from the top
     * move into the scrollback, keeping the cursor's line visible; when it gets taller, lines come back
     * from the scrollback. Then, for a new width, the main screen and its scrollback are re-wrapped:
     * lines that wrapped softly are joined and cut again, lines that ended with a line feed stay apart,
     * and the text stays anchored to the bottom row. The alternate screen is only cut or padded, since
     * full-screen programs redraw; the main screen catches up when the program leaves the alternate
     * screen. The scroll region is reset to the whole screen.
     *
     * @param columns new width, 1 to {@value #MAX_DIMENSION}
     * @param rows new height, 1 to {@value #MAX_DIMENSION}
     */
    public void resize(int columns, int rows) {
        checkSize(columns, rows);
        screen.resize(columns, rows);
    }

    /** {@return width in cells} */
    public int columns() {
        return screen.columns();
    }

    /** {@return height in cells} */
    public int rows() {
        return screen.rows();
    }

    /**
     * The visible screen as text: one line per row joined by {@code \n}, trailing blanks removed from
     * each row, a wide character written once, combining characters after their base character.
     *
     * @return the screen's text
     */
    public String screenText() {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < screen.rows(); row++) {
            if (row > 0) {
                text.append('\n');
            }
            text.append(screen.line(row).text());
        }
        return text.toString();
    }

    /**
     * The text of one visible row, trailing blanks removed.
     *
     * @param row zero-based row
     * @return the row's text
     */
    public String rowText(int row) {
        checkRow(row);
        return screen.line(row).text();
    }

    /**
     * What one cell of the visible screen shows.
     *
     * @param row zero-based row
     * @param column zero-based column
     * @return the cell
     */
    public Cell cell(int row, int column) {
        checkRow(row);
        if (column < 0 || column >= screen.columns()) {
            throw new IndexOutOfBoundsException("column " + column + " outside 0.." + (screen.columns() - 1));
        }
        Line line = screen.line(row);
        int code = line.code(column);
        Pen pen = line.pen(column);
        if (code == Line.WIDE_TAIL) {
            return new Cell("", 0, pen.foreground(), pen.background(), pen.attributeSet());
        }
        String base = code == Line.BLANK ? " " : Character.toString(code);
        int width = code == Line.BLANK ? 1 : Math.max(1, CharWidth.of(code));
        return new Cell(base + line.combining(column), width, pen.foreground(), pen.background(),
                pen.attributeSet());
    }

    /**
     * The visible row itself, for the renderer: reading cells through {@link #cell} allocates a cell, its
     * text and an attribute set per cell, which at 25 frames a second of dense output was the renderer's
     * main cost. Callers must not keep the line past the next {@link #feed}.
     */
    Line visibleLine(int row) {
        checkRow(row);
        return screen.line(row);
    }

    /** {@return the cursor's position and visibility} */
    public Cursor cursor() {
        return new Cursor(screen.row(), screen.column(), screen.modes().cursorVisible);
    }

    /** {@return true while the alternate screen (full-screen programs) is shown} */
    public boolean alternateScreenActive() {
        return screen.alternateActive();
    }

    /** {@return true while the program asked for bracketed paste (mode 2004)} */
    public boolean bracketedPasteMode() {
        return screen.modes().bracketedPaste;
    }

    /** {@return true while the program asked for reverse video of the whole screen (DECSCNM)} */
    public boolean reverseVideo() {
        return screen.modes().reverseVideo;
    }

    /** {@return the window title last set by OSC 0 or 2, empty if none} */
    public String title() {
        return interpreter.title();
    }

    /** {@return how many lines the main screen's scrollback holds} */
    public int scrollbackSize() {
        return screen.scrollback().size();
    }

    /**
     * A line of scrollback as text, trailing blanks removed.
     *
     * @param index 0 for the oldest line kept, {@link #scrollbackSize()} - 1 for the newest
     * @return the line's text
     */
    public String scrollbackLine(int index) {
        if (index < 0 || index >= screen.scrollback().size()) {
            throw new IndexOutOfBoundsException("scrollback line " + index);
        }
        return screen.scrollback().get(index).text();
    }

    /**
     * The cells that changed since the last call, one span per changed row in row order, and forgets
     * them. A screen switch, scroll or resize reports whole rows. The cursor is not a cell: a renderer
     * compares {@link #cursor()} with the position it last drew.
     *
     * @return changed spans, empty when nothing changed
     */
    public List<DirtySpan> takeDirtySpans() {
        List<DirtySpan> spans = new ArrayList<>();
        boolean all = screen.takeWholeScreenDirty();
        for (int row = 0; row < screen.rows(); row++) {
            Line line = screen.line(row);
            int from = all ? 0 : Math.max(0, line.dirtyFrom());
            int to = all ? screen.columns() : Math.min(screen.columns(), line.dirtyTo());
            if (from < to) {
                spans.add(new DirtySpan(row, from, to));
            }
            line.clearDirty();
        }
        return spans;
    }

    /**
     * Replies the terminal would have sent to the program (DA, DSR/CPR) since the last call, and
     * forgets them. Replay does not send them anywhere; a live gateway could.
     *
     * @return the reply bytes, empty when there were none
     */
    public byte[] takeReplies() {
        return replies.take();
    }

    /**
     * Replies as text; see {@link #takeReplies()}.
     *
     * @return the replies, empty when there were none
     */
    public String takeRepliesAsString() {
        return new String(replies.take(), StandardCharsets.US_ASCII);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= screen.rows()) {
            throw new IndexOutOfBoundsException("row " + row + " outside 0.." + (screen.rows() - 1));
        }
    }

    private static void checkSize(int columns, int rows) {
        if (columns < 1 || rows < 1 || columns > MAX_DIMENSION || rows > MAX_DIMENSION) {
            throw new IllegalArgumentException("terminal size out of range: " + columns + "x" + rows);
        }
    }
}
