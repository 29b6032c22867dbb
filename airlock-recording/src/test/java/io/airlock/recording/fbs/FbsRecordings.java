package io.airlock.recording.fbs;

import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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

    /**
     * A recording of the peer's screen: the captured ZRLE update at 0.5 s, a black 8x8 cursor at
     * (300, 300) from 2 s, a blue 100x100 rectangle at (400, 300) from 3 s, the end at {@code endMillis}.
     */
    public static Path vncSession(Path file, long endMillis) throws IOException {
        ByteArrayInputStream capture = new ByteArrayInputStream(FbsRecordings.capture("zrle"));
        ServerInit init = ServerInit.read(capture);
        byte[] screen = capture.readAllBytes();
        AtomicLong now = new AtomicLong();
        try (OutputStream out = Files.newOutputStream(file); FbsWriter writer = new FbsWriter(out, init, now::get)) {
            now.set(500_000_000L);
            writer.write(screen, 0, screen.length);
            now.set(2_000_000_000L);
            ByteBuffer cursor = ByteBuffer.allocate(4 + 12 + 8 * 8 * 4 + 8 + 12);
            cursor.put((byte) 0).put((byte) 0).putShort((short) 2);
            cursor.putShort((short) 0).putShort((short) 0).putShort((short) 8).putShort((short) 8).putInt(-239);
            cursor.position(cursor.position() + 8 * 8 * 4); // black pixels
            for (int row = 0; row < 8; row++) {
                cursor.put((byte) 0xff);
            }
            cursor.putShort((short) 300).putShort((short) 300).putShort((short) 0).putShort((short) 0).putInt(-232);
            writer.write(cursor.array(), 0, cursor.capacity());
            now.set(3_000_000_000L);
            ByteBuffer rre = ByteBuffer.allocate(4 + 12 + 4 + 4);
            rre.put((byte) 0).put((byte) 0).putShort((short) 1);
            rre.putShort((short) 400).putShort((short) 300).putShort((short) 100).putShort((short) 100).putInt(2);
            rre.putInt(0).put(new byte[] {(byte) 0xff, 0, 0, 0}); // no sub-rectangles, blue background (LE B,G,R,0)
            writer.write(rre.array(), 0, rre.capacity());
            now.set(endMillis * 1_000_000L);
        }
        return file;
    }
}
