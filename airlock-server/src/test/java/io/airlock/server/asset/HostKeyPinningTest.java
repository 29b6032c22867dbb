package io.airlock.server.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.support.MigratedDatabase;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Trust-on-first-use pinning and the access method columns of V7, on both supported databases. */
class HostKeyPinningTest {

    private static final int ROUNDS = 25;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoFirstConnectionsWithDifferentKeysPinExactlyOneAndTheOtherWaitsForReview(String db) throws Exception {
        try (var database = MigratedDatabase.create(db)) {
            var repository = new AssetRepository(JdbcClient.create(database.dataSource()));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    long id = method(repository, "race-" + round);
                    var barrier = new CyclicBarrier(2);
                    Future<Boolean> a = pool.submit(() -> {
                        barrier.await(5, TimeUnit.SECONDS);
                        return repository.pinOnFirstUse(id, "SHA256:key-a");
                    });
                    Future<Boolean> b = pool.submit(() -> {
                        barrier.await(5, TimeUnit.SECONDS);
                        return repository.pinOnFirstUse(id, "SHA256:key-b");
                    });
                    boolean aWon = a.get(10, TimeUnit.SECONDS);
                    boolean bWon = b.get(10, TimeUnit.SECONDS);

                    assertThat(aWon ^ bWon).as("exactly one pin wins in round %d", round).isTrue();
                    var stored = repository.findMethod(id).orElseThrow();
                    assertThat(stored.hostKeyFingerprint()).isEqualTo(aWon ? "SHA256:key-a" : "SHA256:key-b");
                    assertThat(stored.hostKeyPending()).isEqualTo(aWon ? "SHA256:key-b" : "SHA256:key-a");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSameKeyOfferedAgainIsAcceptedAndADifferentOneIsKeptForReview(String db) throws Exception {
        try (var database = MigratedDatabase.create(db)) {
            var repository = new AssetRepository(JdbcClient.create(database.dataSource()));
            long id = method(repository, "again");

            assertThat(repository.pinOnFirstUse(id, "SHA256:first")).isTrue();
            assertThat(repository.pinOnFirstUse(id, "SHA256:first")).isTrue();
            assertThat(repository.findMethod(id).orElseThrow().hostKeyPending()).isNull();
            assertThat(repository.pinOnFirstUse(id, "SHA256:other")).isFalse();

            var stored = repository.findMethod(id).orElseThrow();
            assertThat(stored.hostKeyFingerprint()).isEqualTo("SHA256:first");
            assertThat(stored.hostKeyPending()).isEqualTo("SHA256:other");
            assertThat(repository.pinOnFirstUse(999_999, "SHA256:nobody")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void existingMethodsSpeakUtf8AndAskingTheUserIsAnAllowedCredential(String db) throws Exception {
        try (var database = MigratedDatabase.create(db)) {
            var repository = new AssetRepository(JdbcClient.create(database.dataSource()));
            var jdbc = JdbcClient.create(database.dataSource());
            long assetId = repository.insertAsset("legacy", null, "10.0.0.1", null, null, Instant.now());
            // A row as V3 wrote it, without the V7 columns.
            jdbc.sql("insert into access_method (asset_id, protocol, port, credential_kind, created_at, updated_at) "
                    + "values (?, 'TELNET', 23, 'NONE', current_timestamp, current_timestamp)").param(assetId).update();
            long id = repository.findAllMethods().getFirst().id();

            repository.updateCredential(id, CredentialKind.ASK_USER, null);

            var stored = repository.findMethod(id).orElseThrow();
            assertThat(stored.terminal()).isEqualTo(TerminalSettings.DEFAULTS);
            assertThat(stored.credentialKind()).isEqualTo(CredentialKind.ASK_USER);
            assertThatThrownBy(() -> jdbc.sql("update access_method set credential_kind = 'TOKEN' where id = ?")
                    .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    private static long method(AssetRepository repository, String name) {
        long assetId = repository.insertAsset(name, null, "10.0.0.2", null, null, Instant.now());
        return repository.insertMethod(assetId, Protocol.SSH, 22, "engineer", TerminalSettings.DEFAULTS, Instant.now());
    }
}
