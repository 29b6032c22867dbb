package io.airlock.recording.fbs;

import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FBS recordings made for tests from the screens captured from the TigerVNC peer (in airlock-rfb's test
 * resources: ServerInit, then the server's messages).
 */
public final class FbsRecordings {

    static final Path CAPTURES = Path.of("..", "airlock-rfb", "src", "test", "resources", "captures");

    private FbsRecordings() {
    }

    public static byte[] capture(String name) {
        try {
            return Files.readAllBytes(CAPTURES.resolve(name + ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A recording of the capture's messages, written in pieces of {@code piece} bytes at the given
     * times in milliseconds (the last time repeats), then nothing until {@code endMillis} (a block with
     * no data).
     */
    public static byte[] record(String name, int piece, long endMillis, long... millis) throws IOException {
        byte[] capture = capture(name);
        ByteArrayInputStream in = new ByteArrayInputStream(capture);
        ServerInit init = ServerInit.read(in);
        byte[] messages = in.readAllBytes();
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FbsWriter writer = new FbsWriter(out, init, now::get);
        int block = 0;
        for (int at = 0; at < messages.length; at += piece, block++) {
            now.set(millis[Math.min(block, millis.length - 1)] * 1_000_000);
            byte[] data = Arrays.copyOfRange(messages, at, Math.min(messages.length, at + piece));
            writer.write(data, 0, data.length);
        }
        now.set(endMillis * 1_000_000);
        writer.write(new byte[0], 0, 0);
        return out.toByteArray();
    }
}
