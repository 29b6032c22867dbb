package io.airlock.recording.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small asciicast v2 files written line by line, for tests. */
final class Casts {

    private final StringBuilder text = new StringBuilder();

    private Casts(int columns, int rows) {
        text.append("{\"version\": 2, \"width\": ").append(columns).append(", \"height\": ").append(rows)
                .append("}\n");
    }

    static Casts of(int columns, int rows) {
        return new Casts(columns, rows);
    }

    Casts output(double time, String data) {
        return event(time, "o", data);
    }

    Casts resize(double time, int columns, int rows) {
        return event(time, "r", columns + "x" + rows);
    }

    Casts event(double time, String type, String data) {
        text.append('[').append(time).append(", \"").append(type).append("\", \"")
                .append(data.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u001b", "\\u001b")
                        .replace("\r", "\\r").replace("\n", "\\n"))
                .append("\"]\n");
        return this;
    }

    Path write(Path file) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
