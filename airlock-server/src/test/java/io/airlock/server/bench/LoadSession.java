package io.airlock.server.bench;

import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One recorded SSH session of a load run, seen through a WebSocket client as lean as a browser's. On the
 * equipment a small program prints a numbered line every 100 ms for the run's length, with a few bursts of
 * bulk output, while {@code cat} on the raw terminal echoes the keys the client sends now and then: each key's
 * round trip is a keystroke echo measured under the load of every session at once.
 *
 * <p>Every byte is checked as it comes: numbered lines must arrive in order with none missing, bursts whole,
 * and the closing line last; anything else marks the session as dropped, with what went wrong.
 */
final class LoadSession {

    /** The key sent to measure echo; the program on the equipment never prints it. */
    private static final byte PROBE = '#';
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final int BURST_LINES = 1750; // 1750 x 76 characters: about 130 KB per burst
    private static final int BURSTS = 3;

    private final RawWebSocket socket;
    private final int lines;
    private final ConcurrentLinkedQueue<Double> echoMillis;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String failure;
    private volatile boolean started;
    private volatile boolean done;
    private volatile long probeSentAt = -1;
    private volatile long received;
    private volatile int lostProbes;
    private long sessionId = -1;

    private LoadSession(RawWebSocket socket, int lines, ConcurrentLinkedQueue<Double> echoMillis) {
        this.socket = socket;
        this.lines = lines;
        this.echoMillis = echoMillis;
    }

    /**
     * Launches a recorded session as the setup's user; {@link #start} starts the program that prints for
     * {@code length}.
     * Echo round trips, in milliseconds, go to {@code echoMillis}, shared by all sessions of the run.
     */
    static LoadSession open(EquipmentSetup.Setup setup, int port, Duration length,
            ConcurrentLinkedQueue<Double> echoMillis) throws IOException, InterruptedException {
        var launch = setup.user().post("/api/sessions/launch", Json.object("groupId", setup.groupId(), "methodId",
                setup.methodId()));
        if (launch.status() != 200) {
            throw new IOException("launch refused: " + launch.status() + " " + launch.body());
        }
        String ticket = Json.parse(launch.body()).get("ticket").asString();
        var socket = RawWebSocket.open(port, "/ws/terminal?ticket=" + ticket + "&cols=" + SessionBench.COLUMNS
                + "&rows=" + SessionBench.ROWS, setup.user().origin(), setup.user().cookieHeader());
        int lines = (int) (length.toMillis() / 100);
        // The reader files the gateway's notices as it meets them, so it runs before the first notice is awaited.
        var session = new LoadSession(socket, lines, echoMillis);
        Thread.ofVirtual().name("load-reader").start(session::read);
        String ready = socket.awaitText(SessionBench.WAIT);
        JsonNode notice = ready == null ? null : Json.parse(ready);
        if (notice == null || !notice.path("type").asString("").equals("ready") || !notice.get("recorded").asBoolean()) {
            socket.close();
            throw new IOException("the session did not open recorded: " + ready);
        }
        session.sessionId = notice.get("sessionId").asLong();
        return session;
    }

    /** Starts the program on the equipment; until then the session sits at its shell prompt. */
    void start() throws IOException {
        socket.sendBinary(program(lines).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The equipment's side: raw terminal without echo, then a Perl program (Perl is on every Debian system)
     * printing in the background (a subshell's, so the shell announces no job) while {@code cat} echoes keys. Markers are computed by the shell so that the
     * typed command line, echoed before the terminal turns raw, never matches them.
     */
    static String program(int lines) {
        int[] burstsAt = new int[BURSTS];
        for (int i = 0; i < BURSTS; i++) {
            burstsAt[i] = lines * (i + 1) / (BURSTS + 1);
        }
        String perl = "$|=1; my %b=map {$_=>1} (" + burstsAt[0] + "," + burstsAt[1] + "," + burstsAt[2] + "); "
                + "for my $i (1.." + lines + ") { printf(\"L%06d pump=%d flow=%.2f state=running\\n\", $i, $i%7, $i/3); "
                + "if ($b{$i}) { for my $j (1.." + BURST_LINES + ") { print \"B\", \"x\" x 75, \"\\n\"; } } "
                + "select(undef,undef,undef,0.1); } print \"DONE-\", 3+4, \"\\n\";";
        return "stty raw -echo; echo START-$((1+1)); (perl -e '" + perl + "' &); exec cat\n";
    }

    long sessionId() {
        return sessionId;
    }

    /** Sends one key and records how long until it came back; a key that never comes back counts as lost. */
    void probe() throws IOException {
        if (!started) {
            return;
        }
        if (probeSentAt >= 0) {
            if (System.nanoTime() - probeSentAt > PROBE_TIMEOUT.toNanos()) {
                lostProbes++;
                probeSentAt = -1;
            }
            return;
        }
        probeSentAt = System.nanoTime();
        socket.sendBinary(new byte[] {PROBE});
    }

    /** Waits until the program printed its closing line (or the session failed); false on timeout. */
    boolean isDone() {
        return done;
    }

    boolean awaitDone(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && done;
    }

    /** Why this session counts as dropped, or null while it is whole. */
    String failure() {
        if (failure != null) {
            return failure;
        }
        return lostProbes > 0 ? lostProbes + " keystrokes never came back" : null;
    }

    long received() {
        return received;
    }

    void close() {
        socket.close();
    }

    /** Checks the stream byte by byte: lines in order, bursts whole, probes answered, the closing line last. */
    private void read() {
        byte[] buffer = new byte[16 * 1024];
        var line = new StringBuilder(128);
        int nextLine = 1;
        int burstLines = 0;
        try (InputStream in = socket.output()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                received += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == PROBE && started) {
                        long sent = probeSentAt;
                        if (sent < 0) {
                            fail("a keystroke came back twice");
                            return;
                        }
                        echoMillis.add((System.nanoTime() - sent) / 1e6);
                        probeSentAt = -1;
                    } else if (b == '\n') {
                        String text = line.toString().strip();
                        line.setLength(0);
                        if (!started) {
                            started = text.endsWith("START-2");
                        } else if (text.startsWith("L")) {
                            if (burstLines % BURST_LINES != 0) {
                                fail("a burst was cut after " + burstLines + " lines");
                                return;
                            }
                            String expected = String.format("L%06d", nextLine);
                            if (!text.startsWith(expected)) {
                                fail("expected line " + expected + " but got " + text);
                                return;
                            }
                            nextLine++;
                            burstLines = 0;
                        } else if (text.startsWith("B") && text.length() == 76) {
                            burstLines++;
                        } else if (text.equals("DONE-7")) {
                            if (nextLine != lines + 1) {
                                fail("the program ended after line " + (nextLine - 1) + " of " + lines);
                                return;
                            }
                            done = true;
                            finished.countDown();
                        } else if (!text.isEmpty()) {
                            fail("unexpected output: " + text);
                            return;
                        }
                    } else if (b != '\r' && line.length() < 4096) {
                        line.append((char) (b & 0xff));
                    }
                }
            }
            if (!done) {
                fail("the gateway closed the session after line " + (nextLine - 1) + " of " + lines);
            }
        } catch (IOException e) {
            if (!done) {
                fail("the connection failed after line " + (nextLine - 1) + ": " + e.getMessage());
            }
        } finally {
            finished.countDown();
        }
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        finished.countDown();
    }

    /** A start delay for this session's probes, so that they do not all fall in the same instant. */
    static long probePhaseMillis(Duration interval) {
        return ThreadLocalRandom.current().nextLong(interval.toMillis());
    }
}
