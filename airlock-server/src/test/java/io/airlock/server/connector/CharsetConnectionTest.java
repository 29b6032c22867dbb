package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** Equipment in another character set than UTF-8, both ways, with bytes arriving in any pieces. */
class CharsetConnectionTest {

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void utf8EquipmentGetsTheConnectionItself() {
        var equipment = new Equipment(new byte[0]);

        assertThat(CharsetConnection.wrap(equipment, StandardCharsets.UTF_8)).isSameAs(equipment);
        assertThat(CharsetConnection.wrap(equipment, CP437)).isNotSameAs(equipment);
    }

    @Test
    void cp437BoxDrawingBecomesUtf8WithEscapeSequencesUntouched() throws IOException {
        byte[] screen = {0x1b, '[', '1', 'm', (byte) 0xC9, (byte) 0xCD, (byte) 0xBB, '\r', '\n', (byte) 0xBA, ' ',
            (byte) 0xB0, (byte) 0xB2, (byte) 0xDB, ' ', (byte) 0xBA};

        assertThat(readAll(CP437, screen)).isEqualTo("\u001b[1m╔═╗\r\n║ ░▓█ ║");
    }

    @Test
    void iso88591UmlautsCrossBothWays() throws IOException {
        var equipment = new Equipment(new byte[] {'G', (byte) 0xE4, 'r', 'u', 'n', 'g', ' ', (byte) 0xD6, 'l',
            ' ', (byte) 0xFC, (byte) 0xDF});
        var connection = CharsetConnection.wrap(equipment, StandardCharsets.ISO_8859_1);

        assertThat(new String(connection.output().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Gärung Öl üß");
        write(connection, "Größe äöü");
        assertThat(equipment.received()).isEqualTo("Größe äöü".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shiftJisSplitAtEveryPointComesOutWhole() throws IOException {
        assertEverySplitReads(SHIFT_JIS, "運転中 ｶﾀｶﾅ 温度=42℃ ＯＫ\r\n");
    }

    @Test
    void gb18030FourByteSequencesSurviveAnySplit() throws IOException {
        assertEverySplitReads(GB18030, "设备 😀 𠀀 ok");
    }

    @Test
    void malformedEquipmentBytesAreReplacedNeverThrown() throws IOException {
        // A Shift_JIS lead byte followed by a byte that cannot trail it, and a lead byte cut off by the end.
        byte[] bytes = {'a', (byte) 0x81, 0x07, 'b', (byte) 0x82};

        String text = readAll(SHIFT_JIS, bytes, oneByteEach(bytes.length));

        assertThat(text).startsWith("a").contains("b").endsWith("\uFFFD").doesNotContain("\u0000");
    }

    @Test
    void userInputCutInsideAUtf8SequenceIsSentOnce() throws IOException {
        var equipment = new Equipment(new byte[0]);
        var connection = CharsetConnection.wrap(equipment, SHIFT_JIS);
        byte[] typed = "日本".getBytes(StandardCharsets.UTF_8);

        for (byte b : typed) {
            connection.write(new byte[] {b}, 0, 1);
        }

        assertThat(equipment.received()).isEqualTo("日本".getBytes(SHIFT_JIS));
        assertThat(equipment.writes).isEqualTo(2);
    }

    @Test
    void charactersTheEquipmentCannotShowAreSentAsQuestionMarks() throws IOException {
        var equipment = new Equipment(new byte[0]);
        var connection = CharsetConnection.wrap(equipment, CP437);

        write(connection, "ok ✓ € 😀 ä\r");

        assertThat(equipment.received()).isEqualTo(new byte[] {'o', 'k', ' ', '?', ' ', '?', ' ', '?', ' ',
            (byte) 0x84, '\r'});
    }

    @Test
    void resizeAndCloseReachTheEquipment() throws IOException {
        var equipment = new Equipment(new byte[0]);
        var connection = CharsetConnection.wrap(equipment, CP437);

        connection.resize(132, 43);
        connection.close();

        assertThat(equipment.size).isEqualTo("132x43");
        assertThat(equipment.closed).isTrue();
    }

    /** Cut once at every offset, and into single bytes: the text always comes out the same. */
    private static void assertEverySplitReads(Charset charset, String text) throws IOException {
        byte[] bytes = text.getBytes(charset);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(readAll(charset, bytes, cut)).as("cut at %d", cut).isEqualTo(text);
        }
        assertThat(readAll(charset, bytes, oneByteEach(bytes.length))).isEqualTo(text);
    }

    private static String readAll(Charset charset, byte[] bytes, int... cuts) throws IOException {
        var connection = CharsetConnection.wrap(new Equipment(bytes, cuts), charset);
        var seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        int n;
        while ((n = connection.output().read(buffer)) >= 0) {
            assertThat(n).as("a read returns bytes or the end").isPositive();
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static int[] oneByteEach(int length) {
        int[] cuts = new int[length - 1];
        Arrays.setAll(cuts, i -> i + 1);
        return cuts;
    }

    private static void write(RemoteConnection connection, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        connection.write(bytes, 0, bytes.length);
    }

    /** Equipment that sends fixed bytes, in pieces cut at the given offsets, and keeps what it receives. */
    private static final class Equipment implements RemoteConnection {
        private final InputStream output;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int writes;
        String size;
        boolean closed;

        Equipment(byte[] bytes, int... cuts) {
            Deque<byte[]> pieces = new ArrayDeque<>();
            int from = 0;
            for (int cut : cuts) {
                pieces.add(Arrays.copyOfRange(bytes, from, cut));
                from = cut;
            }
            pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
            output = new InputStream() {
                @Override
                public int read() {
                    throw new UnsupportedOperationException("the connection reads in blocks");
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    while (!pieces.isEmpty() && pieces.peek().length == 0) {
                        pieces.poll();
                    }
                    if (pieces.isEmpty()) {
                        return -1;
                    }
                    byte[] piece = pieces.poll();
                    int n = Math.min(len, piece.length);
                    System.arraycopy(piece, 0, b, off, n);
                    if (n < piece.length) {
                        pieces.push(Arrays.copyOfRange(piece, n, piece.length));
                    }
                    return n;
                }
            };
        }

        byte[] received() {
            return received.toByteArray();
        }

        @Override
        public InputStream output() {
            return output;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            received.write(data, offset, length);
            writes++;
        }

        @Override
        public void resize(int columns, int rows) {
            size = columns + "x" + rows;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
