package io.airlock.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of an asciicast v2 reader for replaying the corpus: the header's size and the output
 * events' data. The recording module owns the real reader; this one keeps the emulator's tests
 * free of other modules.
 */
record Asciicast(int width, int height, List<String> output) {

    static Asciicast read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        String header = lines.getFirst();
        int width = headerNumber(header, "\"width\"");
        int height = headerNumber(header, "\"height\"");
        List<String> output = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            // [time, "o", "data"]: the data string is the last element of the line.
            int typeStart = line.indexOf('"');
            String type = line.substring(typeStart + 1, line.indexOf('"', typeStart + 1));
            int dataStart = line.indexOf('"', line.indexOf('"', typeStart + 1) + 1);
            String data = jsonString(line, dataStart);
            output.add(type.equals("o") ? data : "");
        }
        return new Asciicast(width, height, output);
    }

    private static int headerNumber(String header, String key) {
        int at = header.indexOf(key) + key.length();
        while (!Character.isDigit(header.charAt(at))) {
            at++;
        }
        int end = at;
        while (Character.isDigit(header.charAt(end))) {
            end++;
        }
        return Integer.parseInt(header.substring(at, end));
    }

    private static String jsonString(String line, int openingQuote) {
        StringBuilder text = new StringBuilder();
        int i = openingQuote + 1;
        while (line.charAt(i) != '"') {
            char c = line.charAt(i++);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = line.charAt(i++);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }
}
