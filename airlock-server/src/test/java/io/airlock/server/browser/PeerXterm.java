package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An xterm on a peer's X display for the time of a test, writing what it is given into a file. It turns on
 * xterm's mouse reporting first, so a click on it arrives in the file as {@code ESC [ M} followed by the
 * button and the cell: keys and clicks made in the browser are both seen where they land.
 */
final class PeerXterm implements AutoCloseable {

    /** What a press of the first mouse button reports (X10 mouse mode: ESC [ M, then 32 + button 0). */
    static final String LEFT_CLICK = "\u001b[M ";

    private final Process process;
    private final Path typed;
    private final int x;
    private final int y;

    private PeerXterm(Process process, Path typed, int x, int y) {
        this.process = process;
        this.typed = typed;
        this.x = x;
        this.y = y;
    }

    /** Opens a white 30x4 xterm with its top left corner at x, y of the display. */
    static PeerXterm open(String display, int x, int y, Path dir) throws IOException {
        Path typed = dir.resolve("typed.txt");
        Process process = new ProcessBuilder("xterm", "-display", display, "-geometry", "30x4+" + x + "+" + y,
                "-bg", "white", "-fg", "black", "-e", "sh", "-c", "printf '\\033[?9h'; cat > " + typed)
                .redirectErrorStream(true).redirectOutput(dir.resolve("xterm.log").toFile()).start();
        return new PeerXterm(process, typed, x, y);
    }

    /** Clicks into this xterm on the session window's desktop and types a line: both must reach it. */
    void clickAndType(GatewayPage page, String line) {
        page.clickOnDesktop(x + 40, y + 20);
        page.type(line + "\n");
        page.wait.until(d -> received().contains(line));
        assertThat(received()).as("the click, as the remote xterm reported it").contains(LEFT_CLICK);
    }

    /** What reached the program in the xterm so far: the terminal hands it over a line at a time. */
    String received() {
        try {
            return Files.exists(typed) ? Files.readString(typed, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
