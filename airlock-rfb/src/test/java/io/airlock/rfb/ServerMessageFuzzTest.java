package io.airlock.rfb;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of everything a server sends after the handshake: ServerInit (which picks the
 * size and pixel format) and then messages, as in the captures that seed it. Any exception other than
 * {@link RfbException}, an OutOfMemoryError or a run past Jazzer's time limit fails the test, and the
 * input that caused it is written beside the seeds.
 */
class ServerMessageFuzzTest {

    /** Larger screens only make each run slower; the size checks are tested on their own. */
    private static final long MAX_FUZZED_PIXELS = 1 << 20;

    @FuzzTest(maxDuration = "30s")
    void anyServerBytesEndInMessagesOrAnRfbException(byte[] data) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        try {
            ServerInit init = ServerInit.read(in);
            if ((long) init.width() * init.height() > MAX_FUZZED_PIXELS) {
                return;
            }
            Framebuffer framebuffer = init.newFramebuffer(init.pixelFormat());
            try (ServerMessageReader reader = new ServerMessageReader(in, framebuffer)) {
                while (reader.next().isPresent()) {
                    // each message applies itself
                }
            }
        } catch (RfbException expected) {
            // the one way hostile input may end
        }
    }
}
