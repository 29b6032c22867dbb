package io.airlock.server.connector;

import io.airlock.server.connector.LoginDialogue.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Signs in at the equipment's own Telnet login on the user's behalf, within a bound, and then hands
 * the connection over. What the equipment printed meanwhile reaches the user first, as it came, except
 * an echo of the password. Refused credentials fail the connection; a login that looks like nothing the
 * prompt patterns describe is left to the user, at whatever prompt the equipment shows.
 */
final class TelnetLogin implements RemoteConnection {

    /** Output kept for the user while the login runs; beyond it the login gives up rather than buffer more. */
    static final int HOLD_LIMIT = 256 * 1024;

    private final TelnetConnection telnet;
    private final LoginDialogue dialogue;
    private final byte[] username;
    private final byte[] password;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> unread = new ArrayDeque<>();
    private final InputStream output = new HandedOverOutput();
    private int unreadBytes;
    private int headOffset;
    private Step verdict = Step.READ_ON;
    private boolean handedOver;
    private boolean readerDone;
    private IOException readFailure;

    private TelnetLogin(TelnetConnection telnet, ConnectionTarget target) {
        this.telnet = telnet;
        // A target built without them still signs in the way most equipment expects.
        Charset charset = Objects.requireNonNullElse(target.charset(), StandardCharsets.UTF_8);
        TelnetPrompts prompts = Objects.requireNonNullElse(target.telnetPrompts(), TelnetPrompts.DEFAULTS);
        boolean knowsUsername = target.username() != null && !target.username().isBlank();
        this.username = ((knowsUsername ? target.username() : "") + "\r").getBytes(charset);
        byte[] secret = target.secret().getBytes(charset);
        this.password = Arrays.copyOf(secret, secret.length + 1);
        this.password[secret.length] = '\r';
        this.dialogue = new LoginDialogue(prompts, knowsUsername, secret, charset);
        Arrays.fill(secret, (byte) 0);
    }

    /**
     * Runs the login for at most {@code bound}.
     *
     * @throws ConnectorException {@code AUTH_FAILED} when the equipment refuses the credentials; the
     *     connection is closed then
     */
    static RemoteConnection signIn(TelnetConnection telnet, ConnectionTarget target, Duration bound)
            throws ConnectorException {
        var login = new TelnetLogin(telnet, target);
        Thread.ofVirtual().name("telnet-login-" + target.host()).start(login::readLogin);
        if (login.awaitVerdict(bound) == Step.REFUSED) {
            telnet.close();
            String who = target.username() == null || target.username().isBlank() ? "the password"
                    : "the credentials for user '" + target.username() + "'";
            throw new ConnectorException(ConnectorException.Reason.AUTH_FAILED,
                    "The equipment at " + target.host() + ":" + target.port() + " refused " + who + ".");
        }
        return login;
    }

    private Step awaitVerdict(Duration bound) {
        long left = bound.toNanos();
        lock.lock();
        try {
            while (verdict == Step.READ_ON && !readerDone && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller learns it and decides; the user gets the connection
        } finally {
            handedOver = true;
            dialogue.stopAnswering();
            lock.unlock();
        }
        return verdict;
    }

    private void readLogin() {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = telnet.output().read(buffer)) >= 0 && answer(buffer, n)) {
                // answered; read on
            }
        } catch (IOException e) {
            lock.lock();
            try {
                readFailure = e;
            } finally {
                lock.unlock();
            }
        } finally {
            lock.lock();
            try {
                keep(dialogue.end());
                Arrays.fill(password, (byte) 0);
                readerDone = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Feeds what was read to the dialogue and answers; returns whether the login reads on. */
    private boolean answer(byte[] buffer, int n) throws IOException {
        lock.lock();
        try {
            var reply = dialogue.accept(buffer, 0, n);
            keep(reply.shown());
            // Sent under the lock, so that nothing is typed for the user once the connection is theirs.
            switch (reply.step()) {
                case SEND_USERNAME -> send(username);
                case SEND_PASSWORD -> send(password);
                case SIGNED_IN, REFUSED, USER_ANSWERS -> verdict = reply.step();
                case READ_ON -> {
                    // the prompt or the verdict is still to come
                }
            }
            changed.signalAll();
            return verdict == Step.READ_ON && !handedOver && unreadBytes < HOLD_LIMIT;
        } finally {
            lock.unlock();
        }
    }

    private void send(byte[] line) throws IOException {
        if (!handedOver) {
            telnet.write(line, 0, line.length);
        }
    }

    private void keep(byte[] shown) {
        if (shown.length > 0) {
            unread.add(shown);
            unreadBytes += shown.length;
        }
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        telnet.write(data, offset, length);
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
        telnet.resize(columns, rows);
    }

    @Override
    public void close() {
        telnet.close();
    }

    /** What the login read first, then the connection itself once the login stopped reading. */
    private final class HandedOverOutput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (unreadBytes == 0 && !readerDone) {
                    changed.await();
                }
                if (unreadBytes > 0) {
                    return take(b, off, len);
                }
                if (readFailure != null) {
                    IOException failure = readFailure;
                    readFailure = null;
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the equipment");
            } finally {
                lock.unlock();
            }
            return telnet.output().read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            lock.lock();
            try {
                if (unreadBytes > 0 || !readerDone) {
                    return unreadBytes;
                }
            } finally {
                lock.unlock();
            }
            return telnet.output().available();
        }

        private int take(byte[] b, int off, int len) {
            byte[] head = unread.getFirst();
            int n = Math.min(len, head.length - headOffset);
            System.arraycopy(head, headOffset, b, off, n);
            headOffset += n;
            unreadBytes -= n;
            if (headOffset == head.length) {
                unread.removeFirst();
                headOffset = 0;
            }
            return n;
        }
    }
}
