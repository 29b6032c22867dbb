package io.airlock.server.connector;

import io.airlock.server.asset.CredentialKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Telnet server on loopback that plays one scripted login for one client. It ignores every option
 * the client offers, as minimal equipment does, and records each line the client sends.
 */
final class FakeTelnetEquipment implements AutoCloseable {

    /** Bound for each read of the script, so that a test never hangs on a client that says nothing. */
    static final Duration READ_BOUND = Duration.ofSeconds(10);

    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int SE = 240;

    /** What the equipment does once the client is connected. */
    interface Script {
        void play(Line line) throws IOException;
    }

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private FakeTelnetEquipment(Script script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) READ_BOUND.toMillis());
        thread = Thread.ofVirtual().name("fake-telnet-equipment").start(() -> serve(script));
    }

    static FakeTelnetEquipment start(Script script) throws IOException {
        return new FakeTelnetEquipment(script);
    }

    ConnectionTarget target(String username, String password, TelnetPrompts prompts) {
        return new ConnectionTarget("127.0.0.1", server.getLocalPort(), username,
                CredentialKind.PASSWORD, password, fp -> true, StandardCharsets.UTF_8, prompts);
    }

    /** Each line the client sent, without its CR LF. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Waits until the script has finished and returns whether it did within the bound. */
    boolean awaitScript() throws InterruptedException {
        if (!thread.join(READ_BOUND.plusSeconds(1))) {
            return false;
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("the equipment's script failed", failures.getFirst());
        }
        return true;
    }

    private void serve(Script script) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout((int) READ_BOUND.toMillis());
            script.play(new Line(socket));
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The equipment's end of the connection. */
    final class Line {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Line(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Sends text as it is, in one write. */
        void print(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Reads one line the client sent, up to its CR LF, skipping Telnet commands; records it. */
        String readLine() throws IOException {
            var line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = next();
                if (b == IAC) {
                    skipCommand();
                    continue;
                }
                if (previous == '\r' && b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    String withoutCr = text.substring(0, text.length() - 1);
                    received.add(withoutCr);
                    return withoutCr;
                }
                line.write(b);
                previous = b;
            }
        }

        /**
         * Stops sending, as equipment that hangs up does, then reads what the client still sends until
         * it closes too: closing with unread bytes would reset the connection, and a reset may discard
         * what was printed before the client read it.
         */
        void hangUp() throws IOException {
            socket.shutdownOutput();
            try {
                while (in.read() >= 0) {
                    // bounded by the read timeout
                }
            } catch (SocketTimeoutException e) {
                throw new IOException("the client kept the connection open for " + READ_BOUND.toSeconds() + " s", e);
            }
        }

        private void skipCommand() throws IOException {
            int command = next();
            if (command == SB) {
                while (!(next() == IAC && next() == SE)) {
                    // bounded by the read timeout and the client's short subnegotiations
                }
            } else if (command >= WILL && command <= DONT) {
                next(); // the option
            }
        }

        private int next() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new IOException("the client sent nothing for " + READ_BOUND.toSeconds() + " s", e);
            }
            if (b < 0) {
                throw new IOException("the client closed the connection");
            }
            return b;
        }
    }
}
