package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys leave the gateway with every line end whole, so none waits for the next key to be finished. */
class TelnetConnectionLineEndTest {

    @Test
    void enterAloneIsSentAsCrLf() {
        assertThat(wholeLineEnds("\r")).isEqualTo("\r\n");
    }

    @Test
    void everyLoneCrInAPasteGetsItsLf() {
        assertThat(wholeLineEnds("ls\rpwd\r\r")).isEqualTo("ls\r\npwd\r\n\r\n");
    }

    @Test
    void crLfAndOtherKeysAreLeftAsTheyAre() {
        assertThat(wholeLineEnds("a\r\nq\u001b[A\u0000")).isEqualTo("a\r\nq\u001b[A\u0000");
    }

    @Test
    void onlyTheGivenRangeIsSent() {
        byte[] data = "x\ry\r".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(TelnetConnection.withWholeLineEnds(data, 1, 2), StandardCharsets.US_ASCII))
                .isEqualTo("\r\ny");
    }

    private static String wholeLineEnds(String keys) {
        byte[] data = keys.getBytes(StandardCharsets.UTF_8);
        return new String(TelnetConnection.withWholeLineEnds(data, 0, data.length), StandardCharsets.UTF_8);
    }
}
