package io.airlock.server.connector;

import io.airlock.rfb.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.util.List;

/**
 * A signed-in VNC connection seen from the session window: the window reads a server without
 * authentication followed by the equipment's own messages, and what it writes reaches the equipment only
 * as whole, checked messages.
 */
final class VncConnection implements RemoteConnection {

    private final Socket socket;
    private final InputStream output;
    private final OutputStream toEquipment;
    private final BrowserRfbStream browser = new BrowserRfbStream();

    VncConnection(Socket socket, InputStream fromEquipment, ServerInit init) throws IOException {
        this.socket = socket;
        this.output = new SequenceInputStream(
                new ByteArrayInputStream(BrowserRfbStream.serverPreamble(init.toBytes())), fromEquipment);
        this.toEquipment = socket.getOutputStream();
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        List<byte[]> messages;
        try {
            messages = browser.feed(data, offset, length);
        } catch (IOException e) {
            close();
            throw e;
        }
        for (byte[] message : messages) {
            toEquipment.write(message);
        }
        toEquipment.flush();
    }

    /** The session window resizes the desktop itself with SetDesktopSize, where the server supports it. */
    @Override
    public void resize(int columns, int rows) {
        // terminal sizes mean nothing to a desktop
    }

    @Override
    public void close() {
        VncConnector.closeQuietly(socket);
    }
}
