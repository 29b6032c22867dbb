package io.airlock.server.connector;

import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.ServerInit;
import java.io.IOException;

/**
 * Where a desktop connection tees the equipment's RFB stream when its session is recorded: the desktop as
 * the handshake described it, what the session window chose before it asked for pixels, then every byte
 * the equipment sent, exactly as it arrived. Each call that fails ends the session: where a group
 * enforces recording, no recording means no session.
 */
public interface RfbRecorder {

    /** The recording starts with the equipment's ServerInit, before any of its messages. */
    void begin(ServerInit init) throws IOException;

    /** The session window sent SetPixelFormat: the equipment's pixels arrive in this format from now on. */
    void pixelFormat(PixelFormat format) throws IOException;

    /** The session window asked for pixels (FramebufferUpdateRequest): pixel data may follow from now on. */
    void pixelsRequested();

    /** Bytes the equipment sent, as they arrived; written before the session window gets them. */
    void received(byte[] data, int offset, int length) throws IOException;
}
