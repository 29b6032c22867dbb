package io.airlock.server.connector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a connection printed, read by one background reader so that no byte is lost between two
 * waits. Waits are bounded; a failed wait reports what was seen.
 */
final class Transcript {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final int LIMIT = 4 * 1024 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;
    private boolean ended;
    private int position;

    private Transcript(InputStream output) {
        reader = Thread.ofVirtual().name("transcript").start(() -> copy(output));
    }

    /** Starts reading {@code connection}'s output now. */
    static Transcript of(RemoteConnection connection) {
        return new Transcript(connection.output());
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                lock.lock();
                try {
                    if (bytes.size() < LIMIT) {
                        bytes.write(buffer, 0, n);
                    }
                    grew.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // the connection was closed; waits report what was seen
        } finally {
            lock.lock();
            try {
                ended = true;
                grew.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until {@code regex} matches what was printed after the previous successful wait, and moves
     * past the match.
     *
     * @return the text from the previous position to the end of the match
     */
    String await(String regex) {
        return await(Pattern.compile(regex), WAIT);
    }

    /** Like {@link #await(String)} for a literal text. */
    String awaitText(String text) {
        return await(Pattern.compile(Pattern.quote(text)), WAIT);
    }

    String await(Pattern pattern, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        lock.lock();
        try {
            while (true) {
                String fresh = text().substring(position);
                Matcher matcher = pattern.matcher(fresh);
                if (matcher.find()) {
                    position += matcher.end();
                    return fresh.substring(0, matcher.end());
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("did not see /" + pattern + "/ within " + bound.toSeconds() + " s"
                            + (ended ? " (connection ended)" : "") + "; saw after the last match: " + printable(last(fresh)));
                }
                grew.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for /" + pattern + "/", e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code quiet} and returns what was printed after the previous successful wait, moving past it. */
    String settle(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet);
        lock.lock();
        try {
            String fresh = text().substring(position);
            position += fresh.length();
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /** Everything printed so far. */
    String all() {
        lock.lock();
        try {
            return text();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the connection ended within {@code bound}. */
    boolean awaitEnd(Duration bound) throws InterruptedException {
        return reader.join(bound);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The end of a long text, enough to tell what a failed wait saw last. */
    private static String last(String text) {
        int keep = 2000;
        return text.length() <= keep ? text : "…" + text.substring(text.length() - keep);
    }

    static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
