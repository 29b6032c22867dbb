package io.airlock.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the gateway uses it: hashes of secrets it keeps only hashed (API tokens, launch tickets),
 * short fingerprints (key ids, password stamps) and the digests recordings are stored and checked with.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** {@return the digest of {@code bytes}} */
    public static byte[] of(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** {@return the digest of the UTF-8 bytes of {@code text}, as 64 lowercase hex digits} */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads {@code in} to its end; the caller closes it.
     *
     * @return the digest of what was read, as 64 lowercase hex digits
     * @throws IOException when reading fails
     */
    public static String hex(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
