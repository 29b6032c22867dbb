package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.storage.S3FrontProxy.Operation;
import io.airlock.server.storage.StorageCheck.Line;
import io.airlock.server.storage.StorageCheck.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The activation check against two real S3 implementations and a permission-denying proxy. */
class StorageCheckTest {

    static final String BUCKET = "airlock-check";
    static final String ACCESS_KEY = "AKIAAIRLOCKTEST";
    static final String SECRET = "check-test-secret-key";

    @TempDir
    static Path dir;
    static S3MockServer s3mock;
    static S3FrontProxy proxy;
    static EmbeddedS3Store embedded;

    @BeforeAll
    static void startStores() {
        s3mock = S3MockServer.start(dir.resolve("s3mock"), BUCKET);
        proxy = S3FrontProxy.start(s3mock.endpoint());
        embedded = EmbeddedS3Store.start(dir.resolve("embedded"), 0);
        try (var s3 = S3Clients.create(embedded.endpoint(), "us-east-1", true, embedded.credentials().accessKeyId(),
                embedded.credentials().secretAccessKey())) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        // An earlier probe object, as any integration checked before has one.
        assertThat(check(proxy.endpoint(), BUCKET, SECRET).passed()).isTrue();
    }

    @AfterAll
    static void stopStores() {
        if (proxy != null) {
            proxy.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @AfterEach
    void allowEverything() {
        proxy.deny(null);
        proxy.requireSecret(null);
        proxy.throttleNext(0);
    }

    @Test
    void storeWithTaggingPassesEveryProbe() {
        var result = check(s3mock.endpoint(), BUCKET, SECRET);

        assertThat(result.lines()).extracting(Line::permission).containsExactlyElementsOf(StorageCheck.PERMISSIONS);
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.status()).as(l.toString()).isEqualTo(Status.OK));
        assertThat(result.passed()).isTrue();
        assertThat(result.taggingSupported()).isTrue();
    }

    @Test
    void storeWithoutTaggingReportsTagsUnsupportedAndStillPasses() {
        var creds = embedded.credentials();
        StorageCheck.Result result;
        try (var s3 = S3Clients.create(embedded.endpoint(), "us-east-1", true, creds.accessKeyId(),
                creds.secretAccessKey(), S3Clients.Limits.CHECK)) {
            result = StorageCheck.run(s3, integration(embedded.endpoint(), BUCKET), Clock.systemUTC());
        }

        assertThat(line(result, StorageCheck.PUT_OBJECT).status()).as(line(result, StorageCheck.PUT_OBJECT).toString())
                .isEqualTo(Status.OK);
        assertThat(line(result, StorageCheck.GET_OBJECT).status()).isEqualTo(Status.OK);
        assertThat(line(result, StorageCheck.LIST_BUCKET).status()).isEqualTo(Status.OK);
        for (String tagging : List.of(StorageCheck.PUT_OBJECT_TAGGING, StorageCheck.GET_OBJECT_TAGGING)) {
            Line line = line(result, tagging);
            assertThat(line.status()).isEqualTo(Status.UNSUPPORTED);
            assertThat(line.errorCode()).isEqualTo("NotImplemented");
            assertThat(line.message()).contains("Tags unsupported by this store").contains("x-amz-meta-*");
        }
        assertThat(result.passed()).isTrue();
        assertThat(result.taggingSupported()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void eachMissingPermissionIsReportedOnItsOwnLine(Operation missing) {
        proxy.deny(missing);

        var result = check(proxy.endpoint(), BUCKET, SECRET);

        for (Line line : result.lines()) {
            if (line.permission().equals(missing.permission)) {
                assertThat(line.status()).isEqualTo(Status.FAILED);
                assertThat(line.errorCode()).isEqualTo("AccessDenied");
                assertThat(line.message()).contains("lacks the permission " + missing.permission)
                        .contains("HTTP 403 AccessDenied");
            } else {
                assertThat(line.status()).as(line.toString()).isEqualTo(Status.OK);
            }
        }
        // Tagging is optional: without it the product keeps metadata as x-amz-meta-* only.
        assertThat(result.passed())
                .isEqualTo(missing == Operation.PUT_OBJECT_TAGGING || missing == Operation.GET_OBJECT_TAGGING);
    }

    @Test
    void wrongSecretFailsWithAPlainExplanation() {
        proxy.requireSecret(SECRET);
        assertThat(check(proxy.endpoint(), BUCKET, SECRET).passed()).isTrue();

        var result = check(proxy.endpoint(), BUCKET, "not-the-secret");

        assertThat(result.lines()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(Status.FAILED);
            assertThat(l.errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(l.message()).contains("secret access key does not belong to this access key id");
        });
        assertThat(result.passed()).isFalse();
    }

    @Test
    void transfersRetryThrottlingWithBackoffWhileACheckShowsTheFirstError() {
        proxy.throttleNext(2);
        int before = proxy.requests();
        try (var s3 = S3Clients.create(proxy.endpoint(), "us-east-1", true, ACCESS_KEY, SECRET)) {
            s3.putObject(b -> b.bucket(BUCKET).key("airlock/retried"),
                    RequestBody.fromString("retried"));
        }
        assertThat(proxy.requests() - before).isEqualTo(3);

        proxy.throttleNext(1);
        Line put = line(check(proxy.endpoint(), BUCKET, SECRET), StorageCheck.PUT_OBJECT);
        assertThat(put.status()).isEqualTo(Status.FAILED);
        assertThat(put.errorCode()).isEqualTo("SlowDown");
    }

    @Test
    void unknownBucketIsNamed() {
        var result = check(s3mock.endpoint(), "no-such-bucket-here", SECRET);

        Line put = line(result, StorageCheck.PUT_OBJECT);
        assertThat(put.status()).isEqualTo(Status.FAILED);
        assertThat(put.errorCode()).isEqualTo("NoSuchBucket");
        assertThat(put.message()).contains("The bucket 'no-such-bucket-here' does not exist");
    }

    @Test
    void unreachableEndpointFailsFastWithAPlainExplanation() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Instant start = Instant.now();

        var result = check(URI.create("http://127.0.0.1:" + closedPort), BUCKET, SECRET);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(result.lines()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(Status.FAILED);
            assertThat(l.message()).contains("could not be reached");
        });
    }

    @Test
    void knownStoreErrorsAreExplainedInPlainLanguage() {
        var integration = integration(s3mock.endpoint(), BUCKET);

        assertThat(StorageCheck.failed(StorageCheck.PUT_OBJECT, s3Error(403, "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large."), integration).message())
                .contains("clock differs too much").contains("RequestTimeTooSkewed");
        assertThat(StorageCheck.failed(StorageCheck.PUT_OBJECT, s3Error(403, "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records."), integration).message())
                .contains("does not know this access key id");
        assertThat(StorageCheck.failed(StorageCheck.PUT_OBJECT, s3Error(400, "AuthorizationHeaderMalformed",
                "the region 'us-east-1' is wrong; expecting 'eu-central-1'"), integration).message())
                .contains("is not in the region 'us-east-1'").contains("expecting 'eu-central-1'");
    }

    private static S3Exception s3Error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    static StorageCheck.Result check(URI endpoint, String bucket, String secret) {
        try (var s3 = S3Clients.create(endpoint, "us-east-1", true, ACCESS_KEY, secret, S3Clients.Limits.CHECK)) {
            return StorageCheck.run(s3, integration(endpoint, bucket), Clock.systemUTC());
        }
    }

    static StorageIntegration integration(URI endpoint, String bucket) {
        Instant now = Instant.now();
        return new StorageIntegration(1, "test", StorageKind.S3, endpoint, "us-east-1", bucket, "airlock/", true,
                false, now, now, ACCESS_KEY, null);
    }

    private static Line line(StorageCheck.Result result, String permission) {
        return result.lines().stream().filter(l -> l.permission().equals(permission)).findFirst().orElseThrow();
    }
}
