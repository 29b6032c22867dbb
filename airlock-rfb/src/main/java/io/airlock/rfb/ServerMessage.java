package io.airlock.rfb;

/** One message from an RFB server (RFC 6143 section 7.6), after its effect on the framebuffer. */
public sealed interface ServerMessage {

    /** A FramebufferUpdate, already applied; {@code rectangles} counts those read, LastRect included. */
    record FramebufferUpdate(int rectangles) implements ServerMessage {
    }

    /** SetColourMapEntries, already applied to the framebuffer's colour map. */
    record ColourMapEntries(int firstColour, int count) implements ServerMessage {
    }

    /** Bell: the remote side rang. */
    record Bell() implements ServerMessage {
    }

    /**
     * ServerCutText: the remote clipboard's text, Latin-1 as RFC 6143 says.
     *
     * @param text the text, its first {@link ServerMessageReader#MAX_CUT_TEXT} characters when longer
     * @param length the length the server sent
     */
    record ServerCutText(String text, long length) implements ServerMessage {
    }
}
