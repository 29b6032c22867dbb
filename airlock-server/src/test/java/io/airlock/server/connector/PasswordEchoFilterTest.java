package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordEchoFilterTest {

    private final PasswordEchoFilter filter = new PasswordEchoFilter(bytes("s3cret"));

    @Test
    void anEchoInOneReadIsRemovedAndWhatSurroundsItKept() {
        assertThat(text(filter.filter(bytes("s3cret\r\nWelcome"), 0, 15))).isEqualTo("\r\nWelcome");
    }

    @Test
    void anEchoSplitOverReadsIsRemoved() {
        var shown = new ByteArrayOutputStream();
        for (String piece : new String[] {"\r\n", "s", "3c", "re", "t\r\n$ "}) {
            shown.writeBytes(filter.filter(bytes(piece), 0, piece.length()));
        }
        assertThat(shown.toString(StandardCharsets.UTF_8)).isEqualTo("\r\n\r\n$ ");
    }

    @Test
    void bytesThatOnlyBeganLikeThePasswordAreShownOnceTheyDiffer() {
        assertThat(text(filter.filter(bytes("s3c"), 0, 3))).isEmpty();
        assertThat(text(filter.filter(bytes("ond"), 0, 3))).isEqualTo("s3cond");
    }

    @Test
    void anEchoRightAfterAFalseStartIsStillRemoved() {
        assertThat(text(filter.filter(bytes("ss3cret!"), 0, 8))).isEqualTo("s!");
    }

    @Test
    void whatIsHeldBackAtTheEndIsReleased() {
        assertThat(text(filter.filter(bytes("ok s3"), 0, 5))).isEqualTo("ok ");
        assertThat(text(filter.release())).isEqualTo("s3");
        assertThat(text(filter.filter(bytes("cret"), 0, 4))).isEqualTo("cret");
    }

    @Test
    void anEmptyPasswordHidesNothing() {
        var none = new PasswordEchoFilter(new byte[0]);
        assertThat(text(none.filter(bytes("abc"), 1, 2))).isEqualTo("bc");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
