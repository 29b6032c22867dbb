package io.airlock.server.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway itself, bound from {@code airlock.*} (environment variables {@code AIRLOCK_*}
 * are mapped onto them in application.yaml).
 *
 * @param dataDir where the embedded database, the embedded object store and generated keys live
 * @param adminPassword password for the first System Admin; empty means generate one on first run
 * @param embeddedS3 settings of the embedded S3-compatible store
 * @param login sign-in throttling
 */
@ConfigurationProperties("airlock")
public record AirlockProperties(Path dataDir, String adminPassword, EmbeddedS3 embeddedS3, Login login) {

    public AirlockProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        adminPassword = adminPassword == null ? "" : adminPassword;
        embeddedS3 = embeddedS3 == null ? new EmbeddedS3(true, 0, "airlock") : embeddedS3;
        login = login == null ? new Login(10, Duration.ofSeconds(30), Duration.ofMinutes(15)) : login;
    }

    /**
     * @param enabled whether to start the in-process store
     * @param port loopback port; 0 picks a free one
     * @param bucket bucket created in it
     */
    public record EmbeddedS3(boolean enabled, int port, String bucket) {
        public EmbeddedS3 {
            bucket = bucket == null || bucket.isBlank() ? "airlock" : bucket;
        }
    }

    /**
     * @param maxFailures consecutive failures before sign-in is refused for a while
     * @param lockout first lockout; it doubles with each further failure up to {@code maxLockout}
     * @param maxLockout the longest lockout
     */
    public record Login(int maxFailures, Duration lockout, Duration maxLockout) {
        public Login {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("airlock.login.max-failures must be at least 1");
            }
            lockout = lockout == null ? Duration.ofSeconds(30) : lockout;
            maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
        }
    }
}
