package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.support.MigratedDatabase;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integrations, their checks and the single active one, the same on both supported databases. */
class StorageIntegrationPersistenceTest {

    private MigratedDatabase database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void integrationsAndTheirChecksRoundTrip(String database) throws Exception {
        var repository = new StorageIntegrationRepository(JdbcClient.create(migrated(database)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long id = repository.insertExternal(new StorageIntegrationRepository.Settings("Plant", null, "eu-central-1",
                "plant-bucket", "airlock/", false, "AKIAEXAMPLE"), now);
        repository.updateSecret(id, "v1.abcd.sealed");
        var check = new StorageCheck.Result(now, List.of(
                new StorageCheck.Line(StorageCheck.PUT_OBJECT, StorageCheck.Status.OK, null, "written"),
                new StorageCheck.Line(StorageCheck.GET_OBJECT, StorageCheck.Status.FAILED, "AccessDenied", "denied")));
        repository.saveCheck(id, check);

        var loaded = repository.findById(id).orElseThrow();
        assertThat(loaded.kind()).isEqualTo(StorageKind.S3);
        assertThat(loaded.endpoint()).isNull();
        assertThat(loaded.accessKeyId()).isEqualTo("AKIAEXAMPLE");
        assertThat(loaded.secretSealed()).isEqualTo("v1.abcd.sealed");
        assertThat(loaded.toString()).doesNotContain("sealed");
        assertThat(repository.findCheck(id)).contains(check);

        repository.clearCheck(id);
        assertThat(repository.findCheck(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theDatabaseKeepsAtMostOneIntegrationActive(String database) throws Exception {
        var jdbc = JdbcClient.create(migrated(database));
        var repository = new StorageIntegrationRepository(jdbc);
        Instant now = Instant.now();
        repository.insert("Embedded (local)", StorageKind.EMBEDDED, URI.create("http://127.0.0.1:9000"), "us-east-1",
                "airlock", "airlock/", true, true, now);
        long external = repository.insertExternal(new StorageIntegrationRepository.Settings("Plant", null,
                "us-east-1", "plant-bucket", "airlock/", false, "AKIAEXAMPLE"), now);

        assertThatThrownBy(() -> repository.activate(external)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update storage_integration set active = true where id = ?")
                .param(external).update()).isInstanceOf(DataIntegrityViolationException.class);

        repository.deactivateAll();
        repository.activate(external);
        assertThat(repository.findActive().orElseThrow().id()).isEqualTo(external);
        repository.deactivate(external);
        assertThat(repository.findActive()).isEmpty();
    }

    private DataSource migrated(String kind) throws Exception {
        database = MigratedDatabase.create(kind);
        return database.dataSource();
    }
}
