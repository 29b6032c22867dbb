package io.airlock.recording.fbs;

import io.airlock.recording.RecordingFormatException;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.ProtocolVersion;
import io.airlock.rfb.RfbException;
import io.airlock.rfb.SecurityType;
import io.airlock.rfb.SecurityTypeOffer;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessageReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * An FBS recording played back message by message into a {@link Framebuffer}: the preamble gives the
 * size, pixel format and name, then each server message is applied at the time of the block it ends in.
 * A damaged recording, including a damaged RFB stream inside intact blocks, ends with a
 * {@link RecordingFormatException}.
 */
public final class FbsPlayback implements AutoCloseable {

    private final BlockStream stream;
    private final ServerInit init;
    private final ServerMessageReader messages;

    private FbsPlayback(BlockStream stream, ServerInit init, Framebuffer framebuffer) {
        this.stream = stream;
        this.init = init;
        this.messages = new ServerMessageReader(stream, framebuffer);
    }

    /** {@return whether the file starts as an FBS recording does} */
    public static boolean isFbs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Fbs.startsWithHeader(in.readNBytes(Fbs.HEADER.length));
        }
    }

    /** Reads the header and the preamble; the caller closes {@code in}. */
    public static FbsPlayback open(InputStream in) throws IOException, RecordingFormatException {
        BlockStream stream = new BlockStream(FbsReader.open(in));
        try {
            ProtocolVersion version = ProtocolVersion.read(stream);
            if (!version.equals(ProtocolVersion.V3_3)) {
                throw RecordingFormatException.atByte(Fbs.HEADER.length, "the preamble speaks RFB " + version + ", not 3.3");
            }
            SecurityTypeOffer security = SecurityTypeOffer.read(stream, version);
            if (!security.offers(SecurityType.NONE)) {
                throw RecordingFormatException.atByte(Fbs.HEADER.length, "the preamble asks for security type " + security.types());
            }
            ServerInit init = ServerInit.read(stream);
            return new FbsPlayback(stream, init, init.newFramebuffer(init.pixelFormat()));
        } catch (BlockStream.Damaged e) {
            throw e.recordingFormatException();
        } catch (RfbException e) {
            throw RecordingFormatException.atByte(stream.offset(), "the RFB preamble is damaged: " + e.getMessage());
        }
    }

    public Framebuffer framebuffer() {
        return messages.framebuffer();
    }

    public String desktopName() {
        return init.name();
    }

    /**
     * When the next message began to arrive: a message counts from its first byte, so a large update
     * that took several blocks to arrive is shown from its start.
     *
     * @return seconds since the start, or empty at the end of the recording
     */
    public OptionalDouble nextTime() throws IOException, RecordingFormatException {
        try {
            return stream.hasMore() ? OptionalDouble.of(stream.millis() / 1000.0) : OptionalDouble.empty();
        } catch (BlockStream.Damaged e) {
            throw e.recordingFormatException();
        }
    }

    /**
     * Applies the next server message.
     *
     * @return false at the end of the recording
     */
    public boolean next() throws IOException, RecordingFormatException {
        try {
            return messages.next().isPresent();
        } catch (BlockStream.Damaged e) {
            throw e.recordingFormatException();
        } catch (RfbException e) {
            throw RecordingFormatException.atByte(stream.offset(), "the RFB stream recorded at " + stream.millis()
                    + " ms is damaged: " + e.getMessage());
        }
    }

    /** {@return the time of the last block read, in seconds: at the end, how long the recording lasts} */
    public double lastTime() {
        return stream.millis() / 1000.0;
    }

    /** {@return how long an FBS recording lasts, from its blocks' times alone} */
    public static double duration(InputStream in) throws IOException, RecordingFormatException {
        FbsReader reader = FbsReader.open(in);
        double last = 0;
        for (var block = reader.next(); block.isPresent(); block = reader.next()) {
            last = block.get().millis() / 1000.0;
        }
        return last;
    }

    @Override
    public void close() {
        messages.close();
    }
}
