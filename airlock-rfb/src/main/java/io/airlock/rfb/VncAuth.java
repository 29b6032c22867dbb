package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC Authentication, security type 2 (RFC 6143 section 7.2.2): the server sends a 16-byte random
 * challenge and the client answers with it DES-encrypted under a key made from the password.
 */
public final class VncAuth {

    public static final int CHALLENGE_LENGTH = 16;

    /** VNC uses at most the first eight bytes of a password, zero-padded: one DES key. */
    public static final int KEY_LENGTH = 8;

    private VncAuth() {
    }

    /** Reads the server's challenge that follows the client's choice of {@link SecurityType#VNC_AUTH}. */
    public static byte[] readChallenge(InputStream in) throws IOException {
        return RfbInput.readExactly(in, CHALLENGE_LENGTH, "the VNC authentication challenge");
    }

    /**
     * The response to send for a challenge. The password is taken as UTF-8 bytes, which is what
     * TigerVNC's {@code vncpasswd} stores for what a user types in a UTF-8 locale.
     */
    public static byte[] response(String password, byte[] challenge) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return response(bytes, challenge);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The response to send for a challenge, with the password given as raw bytes. */
    public static byte[] response(byte[] password, byte[] challenge) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException(
                    "a VNC challenge has " + CHALLENGE_LENGTH + " bytes, not " + challenge.length);
        }
        byte[] key = Arrays.copyOf(password, KEY_LENGTH);
        try {
            return encrypt(key, challenge);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * DES/ECB under an 8-byte VNC key. VNC's DES code (Richard Outerbridge's d3des) reads each key
     * byte least significant bit first, so the bits of every byte are reversed to get the key that
     * standard DES sees.
     */
    static byte[] encrypt(byte[] vncKey, byte[] data) {
        byte[] desKey = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            desKey[i] = (byte) (Integer.reverse(vncKey[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(desKey, "DES"));
            return des.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every JDK ships DES in its SunJCE provider; without it VNC authentication cannot work at all.
            throw new IllegalStateException("DES/ECB/NoPadding is not available in this JDK", e);
        } finally {
            Arrays.fill(desKey, (byte) 0);
        }
    }
}
