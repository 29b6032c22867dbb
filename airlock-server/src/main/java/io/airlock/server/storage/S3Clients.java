package io.airlock.server.storage;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds S3 clients with bounded timeouts, so a dead endpoint fails fast instead of hanging a request. */
final class S3Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How long a client waits and how often it tries again.
     *
     * @param callTimeout bound of one attempt (and of the socket read)
     * @param apiCallTimeout bound of a whole call including its retries
     */
    record Limits(Duration connectTimeout, Duration callTimeout, Duration apiCallTimeout, RetryStrategy retries) {

        /**
         * For uploads and reads: throttling (503 SlowDown) and 5xx are retried with jittered exponential backoff,
         * four attempts in all. A multipart part of 16 MiB must fit an attempt even on a slow link, hence the
         * longer whole-call bound.
         */
        static final Limits TRANSFER = new Limits(CONNECT_TIMEOUT, CALL_TIMEOUT, Duration.ofMinutes(3),
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(4)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5)))
                        .throttlingBackoffStrategy(
                                BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(10)))
                        .build());

        /**
         * For the activation check: one short attempt per probe, so the administrator sees the first error the
         * store gives (the check itself repeats only a call whose pooled connection was dropped).
         */
        static final Limits CHECK = new Limits(CONNECT_TIMEOUT, Duration.ofSeconds(10), Duration.ofSeconds(10),
                AwsRetryStrategy.doNotRetry());
    }

    private S3Clients() {
    }

    /** An I/O failure on an established connection — not a refused, unresolvable or silent endpoint. */
    static boolean isDroppedConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException) {
                return false;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    static S3Client create(URI endpoint, String region, boolean pathStyle, String accessKeyId, String secretAccessKey) {
        return create(endpoint, region, pathStyle, accessKeyId, secretAccessKey, Limits.TRANSFER);
    }

    static S3Client create(URI endpoint, String region, boolean pathStyle, String accessKeyId, String secretAccessKey,
            Limits limits) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(limits.connectTimeout())
                        .socketTimeout(limits.callTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(limits.callTimeout())
                        .apiCallTimeout(limits.apiCallTimeout())
                        .retryStrategy(limits.retries())
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
