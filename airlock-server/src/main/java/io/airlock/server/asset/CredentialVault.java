package io.airlock.server.asset;

import io.airlock.server.config.Sha256;
import io.airlock.server.config.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest — equipment passwords and keys, storage credentials — with AES-256-GCM. Each
 * sealed value is bound to a context (such as {@code access-method:42:password}) through the GCM
 * associated data, so a ciphertext copied into another row does not decrypt there. The master key comes
 * from {@code AIRLOCK_MASTER_KEY} (base64 of 32 bytes) or a key file generated on first start with
 * owner-only permissions. Sealed values name the key they were made with, so a wrong key gives a clear
 * message rather than garbage.
 */
public final class CredentialVault {

    static final String KEY_FILE = "master.key";
    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    /** The key being rotated away from, still opening what it sealed; null when none. */
    private final SecretKey previous;
    private final String previousId;
    private final SecureRandom random = new SecureRandom();

    CredentialVault(byte[] keyBytes) {
        this(keyBytes, null);
    }

    private CredentialVault(byte[] keyBytes, byte[] previousBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes (256 bits), not " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.keyId = keyIdOf(keyBytes);
        this.previous = previousBytes == null ? null : new SecretKeySpec(previousBytes, "AES");
        this.previousId = previousBytes == null ? null : keyIdOf(previousBytes);
    }

    /**
     * This vault, also opening what {@code previousBase64} (the master key being rotated away from, as
     * {@code AIRLOCK_MASTER_KEY_PREVIOUS}) sealed; blank means no rotation. New secrets are sealed with the
     * current key only.
     */
    public CredentialVault rotatingFrom(String previousBase64) {
        if (previousBase64 == null || previousBase64.isBlank()) {
            return this;
        }
        byte[] previousBytes = decodeKey(previousBase64, "AIRLOCK_MASTER_KEY_PREVIOUS");
        return new CredentialVault(key.getEncoded(), previousBytes);
    }

    /** {@return whether {@code sealed} was made with the previous key and should be sealed again} */
    public boolean sealedWithPrevious(String sealed) {
        return previousId != null && sealed != null && sealed.startsWith(FORMAT + "." + previousId + ".");
    }

    /**
     * The vault for this gateway: the key from {@code masterKeyBase64} when given, else from (or newly into)
     * {@code keyDir}/master.key.
     */
    public static CredentialVault load(String masterKeyBase64, Path keyDir) {
        if (masterKeyBase64 != null && !masterKeyBase64.isBlank()) {
            return new CredentialVault(decodeKey(masterKeyBase64, "AIRLOCK_MASTER_KEY"));
        }
        return new CredentialVault(loadOrCreateKeyFile(keyDir.resolve(KEY_FILE)));
    }

    private static byte[] decodeKey(String base64, String variable) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not valid base64; generate one with "
                    + "'head -c 32 /dev/urandom | base64'");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(variable + " must decode to 32 bytes, not " + bytes.length
                    + "; generate one with 'head -c 32 /dev/urandom | base64'");
        }
        return bytes;
    }

    /** Seals a secret for storage under the given context. */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return FORMAT + "." + keyId + "." + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Opens a sealed secret; fails if it was made for another context, another key, or was altered. */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new VaultException("The stored secret is not in a format this gateway knows.");
        }
        SecretKey opening = parts[1].equals(keyId) ? key : parts[1].equals(previousId) ? previous : null;
        if (opening == null) {
            throw new VaultException("The stored secret was encrypted with a different master key (key id "
                    + parts[1] + ", this gateway has " + keyId + "). Restore the original AIRLOCK_MASTER_KEY or key "
                    + "file, or enter the secret again.");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new VaultException("The stored secret is damaged.");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, opening, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(context));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new VaultException("The stored secret is damaged or belongs to another record.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * A key for another purpose, derived from the master key (HMAC-SHA256 of the purpose's name), so that
     * gateway nodes sharing the master key share it too without another secret to distribute.
     *
     * @param purpose what the key is for; different purposes get unrelated keys
     * @return 32 key bytes
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(aad("derive:" + purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Short public fingerprint of the master key, safe to show and log. */
    public String keyId() {
        return keyId;
    }

    private static byte[] aad(String context) {
        return ("airlock:" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static String keyIdOf(byte[] keyBytes) {
        return HexFormat.of().formatHex(Sha256.of(keyBytes), 0, 4);
    }

    private static byte[] loadOrCreateKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (bytes.length != 32) {
                    throw new IllegalStateException("The master key file " + file + " is damaged (" + bytes.length
                            + " bytes instead of 32). Restore it from backup: secrets sealed with it cannot be read "
                            + "without it.");
                }
                return bytes;
            }
            DataDirectory.createPrivateDirectory(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            DataDirectory.writePrivateFile(file, (Base64.getEncoder().encodeToString(bytes) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key file " + file + " is not valid base64; restore it "
                    + "from backup.");
        }
    }

    /** A sealed secret that cannot be opened here; the message says what to do. */
    public static final class VaultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VaultException(String message) {
            super(message);
        }
    }
}
