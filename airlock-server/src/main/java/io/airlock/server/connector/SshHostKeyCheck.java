package io.airlock.server.connector;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.AttributeRepository;

/**
 * The host key decision of one SSH connection, made in memory because MINA asks for it on an I/O thread: the
 * pinned key was read before connecting; with none pinned the key is accepted provisionally and pinned on the
 * connecting thread after the key exchange, before authentication.
 */
final class SshHostKeyCheck {

    static final AttributeRepository.AttributeKey<SshHostKeyCheck> KEY = new AttributeRepository.AttributeKey<>();

    private final AtomicReference<String> pinned;
    private final AtomicReference<String> presented = new AtomicReference<>();
    private final AtomicReference<String> rejected = new AtomicReference<>();

    SshHostKeyCheck(String pinned) {
        this.pinned = new AtomicReference<>(pinned);
    }

    /** Called by MINA's verifier on an I/O thread (also on re-keying): no blocking, no database. */
    boolean verify(String fingerprint) {
        presented.set(fingerprint);
        String expected = pinned.get();
        if (expected == null || expected.equals(fingerprint)) {
            return true;
        }
        rejected.set(fingerprint);
        return false;
    }

    /** True when nothing was pinned before: the presented key still has to be pinned before authenticating. */
    boolean provisional() {
        return pinned.get() == null;
    }

    /** The key is pinned now; a later re-key must present the same one. */
    void confirm(String fingerprint) {
        pinned.set(fingerprint);
    }

    /** The key the equipment presented in the last key exchange, or null before one. */
    String presented() {
        return presented.get();
    }

    /** A key that differed from the pinned one, or null. */
    String rejected() {
        return rejected.get();
    }
}
