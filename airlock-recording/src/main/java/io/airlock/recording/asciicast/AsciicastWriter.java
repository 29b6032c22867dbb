package io.airlock.recording.asciicast;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an asciicast v2 recording as it happens: one JSON line per event, each written through to the
 * stream at once, so a crash loses at most the line being written (which {@link AsciicastReader}
 * tolerates). Output bytes are decoded as UTF-8 across event boundaries: a character split between two
 * reads is kept whole.
 *
 * <p>The header's timestamp is wall-clock time; event times come from a {@link Ticker}, so a step of the
 * wall clock during the recording changes none of them and they never decrease.
 */
public final class AsciicastWriter implements Closeable {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Event lines: one JSON array each, the line end written by us rather than a separator between values. */
    private static final JsonFactory EVENTS = JsonFactory.builder().rootValueSeparator((String) null).build();

    private final OutputStream out;
    private final Ticker ticker;
    private final long startNanos;
    private final Utf8Carry carry = new Utf8Carry();
    private final LineBuffer line = new LineBuffer();
    private final JsonGenerator events = EVENTS.createGenerator(ObjectWriteContext.empty(), line);
    private long lastMicros;

    /**
     * Writes the header at once.
     *
     * @param clock gives the header's start time, unless the header has one
     * @param ticker times the events, from zero now
     */
    public AsciicastWriter(OutputStream out, AsciicastHeader header, Clock clock, Ticker ticker) throws IOException {
        this.out = out;
        this.ticker = ticker;
        this.startNanos = ticker.nanos();
        Instant start = clock.instant();
        var text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            g.writeStartObject();
            g.writeNumberProperty("version", 2);
            g.writeNumberProperty("width", header.width());
            g.writeNumberProperty("height", header.height());
            g.writeNumberProperty("timestamp", (header.timestamp() == null ? start : header.timestamp())
                    .getEpochSecond());
            if (header.title() != null) {
                g.writeStringProperty("title", header.title());
            }
            if (!header.env().isEmpty()) {
                g.writeName("env");
                g.writeStartObject();
                for (Map.Entry<String, String> e : header.env().entrySet()) {
                    g.writeStringProperty(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        writeLine(text.toString());
    }

    /**
     * Records bytes the terminal printed.
     *
     * @return the event as written (what a reader of the file will see), or empty when the bytes end in
     *     the middle of a character and nothing could be written yet
     */
    public Optional<AsciicastEvent> output(byte[] data, int offset, int length) throws IOException {
        String text = carry.decode(data, offset, length);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AsciicastEvent.Output(event("o", text), text));
    }

    /** Records a change of terminal size; returns the event as written. */
    public AsciicastEvent resize(int columns, int rows) throws IOException {
        return new AsciicastEvent.Resize(event("r", columns + "x" + rows), columns, rows);
    }

    /** Records a marker, e.g. where an administrator started monitoring; returns the event as written. */
    public AsciicastEvent marker(String label) throws IOException {
        return new AsciicastEvent.Marker(event("m", label), label);
    }

    /**
     * Writes one event line; returns its time as written. The line is put together as bytes in one
     * reused buffer, the text escaped straight into it, and written with one call: this runs for every
     * chunk a session prints, on the thread that forwards it to the browser.
     */
    private double event(String type, String data) throws IOException {
        // Never below the last one, whatever the ticker does: a reader rejects a recording going backwards.
        lastMicros = Math.max(lastMicros, Math.round((ticker.nanos() - startNanos) / 1e3));
        double seconds = lastMicros / 1e6;
        line.reset();
        events.writeStartArray();
        events.writeNumber(Double.toString(seconds));
        events.writeString(type);
        events.writeString(data);
        events.writeEndArray();
        events.writeRaw('\n');
        events.flush(); // into the line buffer
        line.writeTo(out);
        out.flush();
        return seconds;
    }

    private void writeLine(String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        events.close(); // gives its buffers back; the line buffer it writes to holds nothing by now
        out.close();
    }

    /** A byte buffer kept from line to line, so that writing an event allocates no buffer of its own. */
    private static final class LineBuffer extends OutputStream {
        private byte[] bytes = new byte[8 * 1024];
        private int length;

        void reset() {
            length = 0;
        }

        @Override
        public void write(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] more, int offset, int count) {
            room(count);
            System.arraycopy(more, offset, bytes, length, count);
            length += count;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Decodes UTF-8 chunk by chunk, holding back an incomplete trailing sequence for the next chunk. */
    static final class Utf8Carry {
        private static final byte[] NONE = new byte[0];
        private byte[] pending = NONE;

        String decode(byte[] data, int offset, int length) {
            byte[] bytes = data;
            int from = offset;
            int to = offset + length;
            if (pending.length > 0) {
                bytes = new byte[pending.length + length];
                System.arraycopy(pending, 0, bytes, 0, pending.length);
                System.arraycopy(data, offset, bytes, pending.length, length);
                from = 0;
                to = bytes.length;
            }
            int complete = completeEnd(bytes, from, to);
            pending = complete == to ? NONE : Arrays.copyOfRange(bytes, complete, to);
            // Malformed input becomes U+FFFD, as with a decoder set to REPLACE.
            return new String(bytes, from, complete - from, StandardCharsets.UTF_8);
        }

        /** Where the prefix of {@code b[from, to)} ends on a character boundary (at most 3 bytes held back). */
        private static int completeEnd(byte[] b, int from, int to) {
            for (int back = 1; back <= Math.min(3, to - from); back++) {
                int lead = b[to - back] & 0xff;
                if ((lead & 0xC0) == 0x80) {
                    continue; // continuation byte: look further back for the lead byte
                }
                int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                return needed > back ? to - back : to;
            }
            return to;
        }
    }
}
