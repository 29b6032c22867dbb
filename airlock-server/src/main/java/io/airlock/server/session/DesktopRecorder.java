package io.airlock.server.session;

import io.airlock.recording.asciicast.Ticker;
import io.airlock.recording.fbs.FbsWriter;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import io.airlock.server.connector.RfbRecorder;
import io.airlock.server.session.LiveSession.RecordingFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Tees a desktop session into an FBS file in the local spool: the equipment's RFB stream exactly as it
 * arrived, behind a preamble with the pixel format the session window actually uses. The window sets its
 * format after the handshake, before it asks for any pixel; until then the preamble's format is
 * overwritten in place, so the file replays whole at every moment. One recording holds one pixel format:
 * a window that changes it after pixels arrived ends the session rather than leave an undecodable
 * recording.
 */
final class DesktopRecorder implements Recorder, RfbRecorder {

    private final Path file;
    private final FileChannel channel;
    private final Ticker ticker;
    private FbsWriter writer; // from begin() on
    private PixelFormat format;
    private boolean pixelsRequested;
    private boolean closed;

    private DesktopRecorder(Path file, FileChannel channel, Ticker ticker) {
        this.file = file;
        this.channel = channel;
        this.ticker = ticker;
    }

    /**
     * Creates the spool file, owner-only, before the equipment is reached: a spool that cannot take it
     * refuses the session before anything is shown. The recording itself begins with the handshake's
     * ServerInit.
     */
    static DesktopRecorder create(Path file, Ticker ticker) throws IOException {
        // A desktop recording may show whatever the screen showed, passwords included.
        FileChannel channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
        return new DesktopRecorder(file, channel, ticker);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized void begin(ServerInit init) throws IOException {
        if (writer != null) {
            throw new IllegalStateException("the recording of " + file.getFileName() + " has begun already");
        }
        writer = new FbsWriter(Channels.newOutputStream(channel), init, ticker);
        format = init.pixelFormat();
    }

    @Override
    public synchronized void pixelFormat(PixelFormat chosen) throws IOException {
        if (chosen.equals(format)) {
            return;
        }
        if (pixelsRequested) {
            throw new RecordingFailure(new IOException("the session window changed its pixel format after the "
                    + "screen was first shown, which one recording cannot hold"));
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(chosen.toBytes());
            for (long at = FbsWriter.PIXEL_FORMAT_OFFSET; bytes.hasRemaining(); ) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw new RecordingFailure(e);
        }
        format = chosen;
    }

    @Override
    public synchronized void pixelsRequested() {
        pixelsRequested = true;
    }

    @Override
    public synchronized void received(byte[] data, int offset, int length) throws IOException {
        try {
            writer.write(data, offset, length);
        } catch (IOException e) {
            throw new RecordingFailure(e);
        }
    }

    /** The connection tees the equipment's own stream: what the window got also holds the gateway's handshake. */
    @Override
    public void output(byte[] data, int offset, int length) {
        // recorded by received()
    }

    /** A desktop's size comes in its own stream (DesktopSize), never from the window's cells. */
    @Override
    public void resize(int columns, int rows) {
        // nothing to record
    }

    /** An RFB stream has no place for marks: the session's timeline keeps them. */
    @Override
    public void marker(String label) {
        // nothing to record
    }

    /** Ends the recording with a block timed now, so it lasts as long as the session. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
        } else {
            channel.close();
        }
    }

    @Override
    public void discard() throws IOException {
        close();
    }
}
