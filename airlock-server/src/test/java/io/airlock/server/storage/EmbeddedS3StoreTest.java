package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3StoreTest {

    @Test
    void storesAndReturnsObjectsThroughTheS3Api(@TempDir Path dir) {
        try (var store = EmbeddedS3Store.start(dir, 0);
                var s3 = S3Clients.create(store.endpoint(), "us-east-1", true, store.credentials().accessKeyId(),
                        store.credentials().secretAccessKey())) {
            s3.createBucket(b -> b.bucket("evidence"));
            s3.putObject(b -> b.bucket("evidence").key("airlock/a.txt"), RequestBody.fromString("recorded"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("evidence").key("airlock/a.txt")).asUtf8String())
                    .isEqualTo("recorded");
            assertThat(s3.listObjectsV2(b -> b.bucket("evidence").prefix("airlock/")).contents())
                    .extracting(o -> o.key()).containsExactly("airlock/a.txt");
            assertThat(store.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void credentialsAreGeneratedOnceAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
        EmbeddedS3Store.Credentials first;
        try (var store = EmbeddedS3Store.start(dir, 0)) {
            first = store.credentials();
        }
        Path file = dir.resolve(EmbeddedS3Store.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("objects"))))
                .isEqualTo("rwx------");
        try (var again = EmbeddedS3Store.start(dir, 0)) {
            assertThat(again.credentials()).isEqualTo(first);
        }
        assertThat(first.toString()).doesNotContain(first.secretAccessKey());
    }

    @Test
    void wrongSecretIsRefused(@TempDir Path dir) {
        try (var store = EmbeddedS3Store.start(dir, 0);
                var s3 = S3Clients.create(store.endpoint(), "us-east-1", true, store.credentials().accessKeyId(),
                        "not-the-secret")) {
            assertThatThrownBy(() -> s3.listBuckets())
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void incompleteCredentialsFileGivesAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(EmbeddedS3Store.CREDENTIALS_FILE), "accessKeyId=only-half\n");

        assertThatThrownBy(() -> EmbeddedS3Store.start(dir, 0))
                .hasMessageContaining("incomplete").hasMessageContaining("move it aside");
    }
}
