package io.airlock.server.cluster;

import io.airlock.server.asset.CredentialVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * What one gateway node shows another to be let in: an HMAC over the request and the time, with a key
 * derived from the master key every node shares. Valid for {@link #VALIDITY} either side of now, so the
 * nodes' clocks need only roughly agree.
 */
@Component
public class NodeAuth {

    /** The header a node's request carries its proof in. */
    public static final String HEADER = "X-Airlock-Node-Auth";
    static final Duration VALIDITY = Duration.ofSeconds(30);

    private final byte[] key;
    private final Clock clock;

    NodeAuth(CredentialVault vault, Clock clock) {
        this.key = vault.derive("node-to-node");
        this.clock = clock;
    }

    /** {@return the proof for a request about {@code subject}, e.g. "monitor:42"} */
    public String sign(String subject) {
        long at = clock.instant().getEpochSecond();
        return at + "." + mac(subject, at);
    }

    /** {@return whether {@code proof} was made for {@code subject} by a node with the same master key, lately} */
    public boolean verify(String subject, String proof) {
        if (proof == null) {
            return false;
        }
        int dot = proof.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(proof.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(at), clock.instant()).abs();
        return age.compareTo(VALIDITY) <= 0 && MessageDigest.isEqual(
                mac(subject, at).getBytes(StandardCharsets.US_ASCII),
                proof.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String subject, long at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((subject + "@" + at).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
