package io.airlock.server.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking RFC 6455 client that does no more than a browser's: one socket, frames written in one call,
 * frames read on the caller's thread. The JDK's HttpClient WebSocket hands every message between its
 * selector, executor and listener threads; on a 2-core machine those hand-offs, not the gateway, showed
 * as most of the echo overhead and a quarter of the CPU in bulk. Binary payloads come out of
 * {@link #output()} as one byte stream; text frames (the gateway's notices) go to {@link #awaitText}.
 */
final class RawWebSocket implements AutoCloseable {

    private static final int OP_CONTINUATION = 0;
    private static final int OP_TEXT = 1;
    private static final int OP_BINARY = 2;
    private static final int OP_CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] mask = new byte[4];
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = socket.getOutputStream();
        new SecureRandom().nextBytes(mask);
    }

    /** Connects and upgrades; the cookie header carries the signed-in session, as the browser's would. */
    static RawWebSocket open(int port, String pathAndQuery, String origin, String cookies) throws IOException {
        var socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        var ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nOrigin: " + origin + "\r\nCookie: " + cookies
                + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + status);
        }
        return ws;
    }

    private String readHeaders() throws IOException {
        var line = new StringBuilder();
        String first = null;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String text = line.toString().strip();
                if (first == null) {
                    first = text;
                } else if (text.isEmpty()) {
                    return first;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        throw new EOFException("the gateway closed during the handshake");
    }

    /** One masked binary frame, written in one call. */
    synchronized void sendBinary(byte[] data) throws IOException {
        int header = data.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + data.length];
        frame[0] = (byte) (0x80 | OP_BINARY);
        if (data.length < 126) {
            frame[1] = (byte) (0x80 | data.length);
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (data.length >> 8);
            frame[3] = (byte) data.length;
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < data.length; i++) {
            frame[header + 4 + i] = (byte) (data[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    /** The next notice the gateway sent, or null after the timeout. */
    String awaitText(Duration timeout) throws InterruptedException {
        return texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The binary payloads in order; read it on one thread, which also files the text frames it meets. */
    InputStream output() {
        return new InputStream() {
            private long left;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (left == 0) {
                    if (ended || !nextBinaryFrame()) {
                        ended = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    ended = true;
                    return -1;
                }
                left -= n;
                return n;
            }

            private int lastOpcode = OP_BINARY;

            /** Reads frame headers, filing text frames, until a binary one starts; false at the close. */
            private boolean nextBinaryFrame() throws IOException {
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    int opcode = b0 & 0x0f;
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    if (opcode == OP_CONTINUATION) {
                        opcode = lastOpcode;
                    }
                    lastOpcode = opcode;
                    if (opcode == OP_BINARY) {
                        left = length;
                        if (length > 0) {
                            return true;
                        }
                        continue;
                    }
                    byte[] payload = in.readNBytes((int) length);
                    if (opcode == OP_TEXT) {
                        texts.add(new String(payload, StandardCharsets.UTF_8));
                    } else if (opcode == OP_CLOSE) {
                        return false;
                    } // pings and pongs carry nothing for the benchmark
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
