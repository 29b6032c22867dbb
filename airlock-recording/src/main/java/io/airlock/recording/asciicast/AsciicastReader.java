package io.airlock.recording.asciicast;

import io.airlock.recording.RecordingFormatException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an asciicast v2 recording event by event, in constant memory. Unknown event types are skipped, as
 * the format asks; malformed input fails with a {@link RecordingFormatException} naming the line. A
 * truncated last line — what a recorder that crashed mid-write leaves — ends the recording quietly.
 */
public final class AsciicastReader implements Closeable {

    /** Longest line accepted; a longer one is corrupt or hostile, never real terminal output. */
    public static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final LineSource lines;
    private final AsciicastHeader header;
    private double lastTime;

    private AsciicastReader(LineSource lines, AsciicastHeader header) {
        this.lines = lines;
        this.header = header;
    }

    /** Opens a recording and reads its header. */
    public static AsciicastReader open(InputStream in) throws IOException, RecordingFormatException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var lines = new LineSource(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024));
        String first = lines.next();
        if (first == null) {
            throw new RecordingFormatException(1, "the recording is empty (no asciicast header)");
        }
        return new AsciicastReader(lines, parseHeader(first));
    }

    public AsciicastHeader header() {
        return header;
    }

    /** The next event, or empty at the end of the recording. */
    public Optional<AsciicastEvent> next() throws IOException, RecordingFormatException {
        while (true) {
            String line = lines.next();
            if (line == null) {
                return Optional.empty();
            }
            if (line.isBlank()) {
                continue;
            }
            long number = lines.number();
            AsciicastEvent event;
            try {
                event = parseEvent(line, number);
            } catch (RecordingFormatException e) {
                if (!lines.lastLineComplete() && lines.atEnd()) {
                    return Optional.empty(); // the recorder stopped mid-line: keep what came before
                }
                throw e;
            }
            if (event == null) {
                continue;
            }
            if (event.time() < lastTime) {
                throw new RecordingFormatException(number,
                        "event time " + event.time() + " is earlier than the previous event's " + lastTime);
            }
            lastTime = event.time();
            return Optional.of(event);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static AsciicastHeader parseHeader(String line) throws RecordingFormatException {
        Integer version = null;
        Integer width = null;
        Integer height = null;
        Instant timestamp = null;
        String title = null;
        Map<String, String> env = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RecordingFormatException(1, "the header is not a JSON object; is this an asciicast v2 file?");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "version" -> version = intValue(p, value, "version");
                    case "width" -> width = intValue(p, value, "width");
                    case "height" -> height = intValue(p, value, "height");
                    case "timestamp" -> timestamp = value == JsonToken.VALUE_NUMBER_INT
                            ? Instant.ofEpochSecond(p.getLongValue()) : null;
                    case "title" -> title = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "env" -> readEnv(p, value, env);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new RecordingFormatException(1, "unexpected data after the header object");
            }
        } catch (StreamReadException e) {
            throw new RecordingFormatException(1, "the header is not valid JSON (" + plain(e) + ")");
        }
        if (version == null || version != 2) {
            throw new RecordingFormatException(1,
                    "unsupported asciicast version " + version + "; only version 2 is supported");
        }
        if (width == null || height == null) {
            throw new RecordingFormatException(1, "the header lacks the terminal width or height");
        }
        checkSize(1, width, height);
        return new AsciicastHeader(width, height, timestamp, title, env);
    }

    private static void readEnv(JsonParser p, JsonToken value, Map<String, String> env) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING && env.size() < 32) {
                env.put(key, p.getString());
            } else {
                p.skipChildren();
            }
        }
    }

    /** Returns null for event types this reader does not know, which the format says to ignore. */
    private static AsciicastEvent parseEvent(String line, long number) throws RecordingFormatException {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new RecordingFormatException(number, "an event must be a JSON array [time, type, data]");
            }
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new RecordingFormatException(number, "the event time is not a number");
            }
            double time = p.getDoubleValue();
            if (!Double.isFinite(time) || time < 0) {
                throw new RecordingFormatException(number, "the event time " + time + " is negative or not finite");
            }
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new RecordingFormatException(number, "the event type is not a string");
            }
            String type = p.getString();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new RecordingFormatException(number, "the event data is not a string");
            }
            String data = p.getString();
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new RecordingFormatException(number, "an event has exactly three elements");
            }
            if (p.nextToken() != null) {
                throw new RecordingFormatException(number, "unexpected data after the event");
            }
            return switch (type) {
                case "o" -> new AsciicastEvent.Output(time, data);
                case "i" -> new AsciicastEvent.Input(time, data);
                case "m" -> new AsciicastEvent.Marker(time, data);
                case "r" -> parseResize(time, data, number);
                default -> null;
            };
        } catch (StreamReadException e) {
            throw new RecordingFormatException(number, "not valid JSON (" + plain(e) + ")");
        }
    }

    private static AsciicastEvent.Resize parseResize(double time, String data, long number)
            throws RecordingFormatException {
        int x = data.indexOf('x');
        try {
            if (x <= 0) {
                throw new NumberFormatException();
            }
            int columns = Integer.parseInt(data.substring(0, x));
            int rows = Integer.parseInt(data.substring(x + 1));
            checkSize(number, columns, rows);
            return new AsciicastEvent.Resize(time, columns, rows);
        } catch (NumberFormatException e) {
            throw new RecordingFormatException(number, "a resize must read COLUMNSxROWS, not '" + abbreviate(data) + "'");
        }
    }

    private static int intValue(JsonParser p, JsonToken token, String field) throws RecordingFormatException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new RecordingFormatException(1, "the header's " + field + " is not a whole number");
        }
        long value = p.getLongValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RecordingFormatException(1, "the header's " + field + " is out of range");
        }
        return (int) value;
    }

    private static void checkSize(long line, long columns, long rows) throws RecordingFormatException {
        if (columns < 1 || rows < 1 || columns > AsciicastHeader.MAX_COLUMNS || rows > AsciicastHeader.MAX_ROWS) {
            throw new RecordingFormatException(line, "terminal size " + columns + "x" + rows
                    + " is outside 1x1 to " + AsciicastHeader.MAX_COLUMNS + "x" + AsciicastHeader.MAX_ROWS);
        }
    }

    /** The parser's complaint without its internal location details, which mean nothing to an operator. */
    private static String plain(StreamReadException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf('\n');
        }
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /**
     * Lines with their numbers, each bounded in length, and whether the last one ended with a newline. Reads
     * the file in chunks and copies each line's run of characters at once: a character at a time, through
     * the reader's lock and the builder's bounds checks, it cost a tenth of a bulk output's transcode.
     */
    private static final class LineSource implements Closeable {
        private final BufferedReader reader;
        private final StringBuilder buffer = new StringBuilder();
        private final char[] chunk = new char[16 * 1024];
        private int position;
        private int limit;
        private long number;
        private boolean complete = true;
        private boolean end;

        LineSource(BufferedReader reader) {
            this.reader = reader;
        }

        String next() throws IOException, RecordingFormatException {
            if (end) {
                return null;
            }
            buffer.setLength(0);
            while (position < limit || fill()) {
                int start = position;
                while (position < limit && chunk[position] != '\n') {
                    position++;
                }
                if (buffer.length() + (position - start) > MAX_LINE_CHARS) {
                    throw new RecordingFormatException(number + 1,
                            "line longer than " + MAX_LINE_CHARS + " characters; the file is damaged");
                }
                buffer.append(chunk, start, position - start);
                if (position < limit) {
                    position++; // the newline
                    number++;
                    complete = true;
                    return stripCr(buffer);
                }
            }
            end = true;
            if (buffer.isEmpty()) {
                return null;
            }
            number++;
            complete = false;
            return stripCr(buffer);
        }

        private boolean fill() throws IOException {
            int read = reader.read(chunk, 0, chunk.length);
            position = 0;
            limit = Math.max(0, read);
            return read > 0;
        }

        long number() {
            return number;
        }

        boolean lastLineComplete() {
            return complete;
        }

        boolean atEnd() {
            return end;
        }

        private static String stripCr(StringBuilder b) {
            int len = b.length();
            return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
