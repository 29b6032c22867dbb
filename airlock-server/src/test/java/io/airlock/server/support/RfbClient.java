package io.airlock.server.support;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Framebuffer;
import io.airlock.rfb.PixelFormat;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerInit;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An RFB client on a gateway socket, in the place of the session window's or a monitor's noVNC: the
 * gateway plays a server without authentication.
 */
public final class RfbClient {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ServerInit init;
    private final RfbSocket.Output out;
    private final ServerMessageReader reader;

    private RfbClient(ServerInit init, RfbSocket.Output out, ServerMessageReader reader) {
        this.init = init;
        this.out = out;
        this.reader = reader;
    }

    public ServerInit init() {
        return init;
    }

    /** Signs in (no password: the gateway plays a server without one) and sets the format and encodings. */
    public static RfbClient connect(TerminalSocket socket, PixelFormat format, List<Integer> encodings)
            throws IOException {
        var in = new RfbSocket.Input(socket, WAIT, false);
        var out = new RfbSocket.Output(socket);
        ServerInit init = RfbHandshake.connect(in, out, Optional.empty(), true);
        if (format != null) {
            out.write(ClientMessages.setPixelFormat(format));
        }
        out.write(ClientMessages.setEncodings(encodings));
        out.flush();
        return new RfbClient(init, out, new ServerMessageReader(in, init.newFramebuffer(format != null ? format
                : init.pixelFormat())));
    }

    public Framebuffer screen() {
        return reader.framebuffer();
    }

    public void send(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    public void request(boolean incremental) throws IOException {
        send(ClientMessages.framebufferUpdateRequest(incremental, 0, 0, screen().width(), screen().height()));
    }

    public void awaitUpdate() throws IOException {
        while (!(reader.next().orElseThrow() instanceof ServerMessage.FramebufferUpdate)) {
            // bells and clipboard text are not what this waits for
        }
    }

    /** Reads updates, asking for the next each time, until the screen shows what is expected. */
    public void awaitScreen(Predicate<Framebuffer> expected) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!expected.test(screen())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not show what was expected within " + WAIT);
            }
            awaitUpdate();
            request(true);
        }
    }
}
