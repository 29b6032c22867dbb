package io.airlock.recording.video;

import io.airlock.rfb.Encodings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The encodings of the rectangles in an FBS recording of a 32-bit session that used Raw, CopyRect and the
 * Cursor pseudo-encoding only, read independently of the decoders: proof of which encoding the server
 * actually sent.
 */
final class RecordedRectangles {

    private static final int BYTES_PER_PIXEL = 4;
    /** "FBS 001.000\n". */
    private static final int FBS_HEADER = 12;

    private RecordedRectangles() {
    }

    static List<Integer> encodings(Path fbs) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(fbs));
        file.position(FBS_HEADER);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        boolean preamble = true;
        while (file.remaining() >= 8) {
            int length = file.getInt();
            byte[] data = new byte[length];
            file.get(data);
            // Data padded to a multiple of 4, then the block's time.
            file.position(file.position() + (-length & 3) + 4);
            if (!preamble) {
                stream.write(data);
            }
            preamble = false;
        }
        ByteBuffer messages = ByteBuffer.wrap(stream.toByteArray());
        List<Integer> encodings = new ArrayList<>();
        while (messages.hasRemaining()) {
            int type = messages.get() & 0xff;
            if (type != 0) {
                throw new IllegalArgumentException("server message type " + type + " where only updates were expected");
            }
            messages.get();
            int rectangles = messages.getShort() & 0xffff;
            for (int i = 0; i < rectangles; i++) {
                messages.getShort();
                messages.getShort();
                int width = messages.getShort() & 0xffff;
                int height = messages.getShort() & 0xffff;
                int encoding = messages.getInt();
                encodings.add(encoding);
                int skip = switch (encoding) {
                    case Encodings.RAW -> width * height * BYTES_PER_PIXEL;
                    case Encodings.COPY_RECT -> 4;
                    case Encodings.CURSOR -> width * height * BYTES_PER_PIXEL + (width + 7) / 8 * height;
                    default -> throw new IllegalArgumentException(Encodings.name(encoding) + " where only Raw,"
                            + " CopyRect and Cursor were expected");
                };
                messages.position(messages.position() + skip);
            }
        }
        return encodings;
    }
}
