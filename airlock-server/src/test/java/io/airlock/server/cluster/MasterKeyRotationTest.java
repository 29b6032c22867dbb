package io.airlock.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.CredentialVault;
import io.airlock.server.storage.StorageIntegration;
import io.airlock.server.support.MigratedDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rotating the master key: secrets sealed with the old key are sealed again with the new one at start. */
class MasterKeyRotationTest {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(newKeyBytes());

    private static byte[] newKeyBytes() {
        byte[] key = new byte[32];
        key[31] = 1;
        return key;
    }

    @Test
    void everySecretSealedWithTheOldKeyIsSealedWithTheNewOneOnce() throws Exception {
        try (var db = MigratedDatabase.create("h2")) {
            var jdbc = JdbcClient.create(db.dataSource());
            var oldVault = CredentialVault.load(OLD_KEY, Path.of("unused"));
            jdbc.sql("insert into storage_integration (id, name, kind, region, bucket, key_prefix, path_style, active, "
                            + "created_at, updated_at, secret_sealed) values (41, 'Plant bucket', 'S3', 'us-east-1', "
                            + "'b', '', true, false, ?, ?, ?)")
                    .params(Timestamp.from(Instant.EPOCH), Timestamp.from(Instant.EPOCH),
                            oldVault.seal("s3-secret", StorageIntegration.secretContext(41)))
                    .update();
            var rotating = CredentialVault.load(NEW_KEY, Path.of("unused")).rotatingFrom(OLD_KEY);

            new MasterKeyRotation(jdbc, rotating).run(null);

            String sealed = jdbc.sql("select secret_sealed from storage_integration where id = 41")
                    .query(String.class).single();
            var newOnly = CredentialVault.load(NEW_KEY, Path.of("unused"));
            assertThat(newOnly.open(sealed, StorageIntegration.secretContext(41))).isEqualTo("s3-secret");
            assertThat(sealed).startsWith("v1." + newOnly.keyId() + ".");

            new MasterKeyRotation(jdbc, rotating).run(null);
            assertThat(jdbc.sql("select secret_sealed from storage_integration where id = 41").query(String.class)
                    .single()).as("nothing left to do the second time").isEqualTo(sealed);
        }
    }
}
