package io.airlock.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The telnet peer serves a real login prompt that checks the password and starts a shell. */
@Tag("peers")
class TelnetPeerSmokeTest {

    /** A prompt that the command line setting it does not contain. */
    private static final String PROMPT = "peer-ready$ ";

    private static TestPeers peers;

    @BeforeAll
    static void findPeers() {
        peers = TestPeers.load();
    }

    @Test
    void loginWithPasswordGivesShellThatRunsCommands() throws Exception {
        try (Socket socket = peers.connect("telnet", peers.telnetPort())) {
            var telnet = new RefusingTelnetClient(socket);

            telnet.readUntil("login:");
            telnet.sendLine(peers.user());
            telnet.readUntil("Password:");
            telnet.sendLine(peers.password());
            assertThat(telnet.readUntil("$ ")).contains(peers.user() + "@");

            // The shell must expand $((6*7)); the echoed command line itself never contains "42".
            telnet.sendLine("echo airlock-$((6*7))");
            assertThat(telnet.readUntil("airlock-42")).contains("airlock-42");
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        try (Socket socket = peers.connect("telnet", peers.telnetPort())) {
            var telnet = new RefusingTelnetClient(socket);

            telnet.readUntil("login:");
            telnet.sendLine(peers.user());
            telnet.readUntil("Password:");
            telnet.sendLine(peers.password() + "-wrong");
            // login(1) waits a few seconds (pam_faildelay) before it says so.
            assertThat(telnet.readUntil("Login incorrect")).doesNotContain("$ ");
        }
    }

    @Test
    void enterSentAsCrLfInOneWriteIsOneLine() throws Exception {
        try (Socket socket = peers.connect("telnet", peers.telnetPort())) {
            var telnet = signedInWithDistinctPrompt(socket);

            telnet.send("\r\n");
            telnet.send("echo one-$((0+1))\r\n");
            assertThat(telnet.readUntil("one-1").split(Pattern.quote(PROMPT), -1)).hasSize(2);
        }
    }

    /**
     * Why the gateway never sends a CR without its LF: busybox telnetd drops the LF of a CR LF only
     * when both come in one read, so an LF that comes later reaches the program as a key of its own.
     */
    @Test
    void aLineFeedArrivingApartFromItsCarriageReturnIsAnotherLine() throws Exception {
        try (Socket socket = peers.connect("telnet", peers.telnetPort())) {
            var telnet = signedInWithDistinctPrompt(socket);

            telnet.send("\r");
            telnet.readUntil(PROMPT);
            telnet.send("\n");
            // The shell runs an empty command line for the LF alone and prompts again (readUntil fails
            // within its bound if it does not).
            telnet.readUntil(PROMPT);
        }
    }

    /** Signs in and sets a prompt that the command line setting it does not contain. */
    private static RefusingTelnetClient signedInWithDistinctPrompt(Socket socket) throws IOException {
        var telnet = new RefusingTelnetClient(socket);
        telnet.readUntil("login:");
        telnet.sendLine(peers.user());
        telnet.readUntil("Password:");
        telnet.sendLine(peers.password());
        telnet.readUntil("$ ");
        telnet.sendLine("PS1='peer'-'ready$ '");
        telnet.readUntil(PROMPT);
        return telnet;
    }

    /**
     * The smallest well-behaved telnet client (RFC 854): it refuses every option the server asks for
     * or offers, so the session stays a plain network virtual terminal.
     */
    private static final class RefusingTelnetClient {

        private static final int IAC = 255;
        private static final int DONT = 254;
        private static final int DO = 253;
        private static final int WONT = 252;
        private static final int WILL = 251;
        private static final int SB = 250;
        private static final int SE = 240;

        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder text = new StringBuilder();

        RefusingTelnetClient(Socket socket) throws IOException {
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void sendLine(String line) throws IOException {
            // NVT end of line is CR LF.
            send(line + "\r\n");
        }

        /** Sends the text as it is, in one write. */
        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /**
         * Reads until the text received so far contains {@code expected} and returns it, consuming it
         * from the buffer. Each read is bounded by the socket timeout and the whole wait by
         * {@link TestPeers#TIMEOUT}.
         */
        String readUntil(String expected) throws IOException {
            Instant deadline = Instant.now().plus(TestPeers.TIMEOUT);
            while (text.indexOf(expected) < 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new SocketTimeoutException("no \"" + expected + "\" within " + TestPeers.TIMEOUT
                            + "; received: " + text);
                }
                int b = in.read();
                if (b == -1) {
                    throw new IOException("telnet peer closed the connection before \"" + expected
                            + "\"; received: " + text);
                }
                if (b == IAC) {
                    handleCommand();
                } else {
                    text.append((char) b);
                }
            }
            int end = text.indexOf(expected) + expected.length();
            String received = text.substring(0, end);
            text.delete(0, end);
            return received;
        }

        private void handleCommand() throws IOException {
            int command = readByte();
            switch (command) {
                case DO, DONT, WILL, WONT -> {
                    int option = readByte();
                    // Refusing DO with WONT and WILL with DONT is always allowed; DONT and WONT need no answer.
                    if (command == DO) {
                        out.write(new byte[] {(byte) IAC, (byte) WONT, (byte) option});
                    } else if (command == WILL) {
                        out.write(new byte[] {(byte) IAC, (byte) DONT, (byte) option});
                    }
                    out.flush();
                }
                case SB -> skipSubnegotiation();
                case IAC -> text.append((char) IAC);
                default -> {
                    // Two-byte commands (NOP, GA, ...) carry nothing a login needs.
                }
            }
        }

        private void skipSubnegotiation() throws IOException {
            // Bounded: a subnegotiation for an option we refused is short; 64 KiB means a broken peer.
            for (int i = 0; i < 65_536; i++) {
                if (readByte() == IAC && readByte() == SE) {
                    return;
                }
            }
            throw new IOException("telnet subnegotiation did not end within 64 KiB");
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b == -1) {
                throw new IOException("telnet peer closed the connection inside a command; received: " + text);
            }
            return b;
        }
    }
}
