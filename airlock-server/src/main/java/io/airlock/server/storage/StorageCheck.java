package io.airlock.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Proves, one probe per permission, that an integration's bucket accepts what Airlock does with it: write
 * a probe object at a fixed key under the prefix (overwritten each time; nothing is ever deleted), read it
 * back, list it, and write and read its tags. Each line says OK, FAILED or UNSUPPORTED with the store's own
 * error code and a plain explanation. Required: PutObject, GetObject, ListBucket; the two tagging
 * permissions are optional. s3:AbortMultipartUpload is not probed: it only cleans up a large (multipart)
 * upload that failed or a crash interrupted, which a lifecycle rule does as well.
 */
final class StorageCheck {

    static final String PUT_OBJECT = "s3:PutObject";
    static final String GET_OBJECT = "s3:GetObject";
    static final String LIST_BUCKET = "s3:ListBucket";
    static final String GET_OBJECT_TAGGING = "s3:GetObjectTagging";
    static final String PUT_OBJECT_TAGGING = "s3:PutObjectTagging";
    /** In the order shown to administrators: the required permissions first. */
    static final List<String> PERMISSIONS =
            List.of(PUT_OBJECT, GET_OBJECT, LIST_BUCKET, GET_OBJECT_TAGGING, PUT_OBJECT_TAGGING);
    /**
     * Tags are optional: without PutObjectTagging the product keeps metadata as x-amz-meta-* only, and
     * GetObjectTagging only reads that metadata back from tags.
     */
    static final List<String> OPTIONAL = List.of(PUT_OBJECT_TAGGING, GET_OBJECT_TAGGING);
    static final String PROBE_NAME = ".airlock-check/probe";
    static final String TAGS_UNSUPPORTED = "Tags unsupported by this store: recordings keep their metadata as "
            + "x-amz-meta-* headers only.";

    /** Outcome of one probe. */
    enum Status {
        OK, FAILED, UNSUPPORTED
    }

    /** One probed permission; {@code errorCode} is the store's exact S3 error code, or null. */
    record Line(String permission, Status status, @Nullable String errorCode, String message) {
    }

    /** A whole check at one time. */
    record Result(Instant checkedAt, List<Line> lines) {

        /**
         * Whether the integration may be activated: every required permission answered. A store that does not
         * implement tagging at all (501) is accepted, because the product then keeps metadata only; a denied
         * required permission is not.
         */
        boolean passed() {
            return lines.size() == PERMISSIONS.size() && lines.stream()
                    .allMatch(l -> OPTIONAL.contains(l.permission()) || l.status() != Status.FAILED);
        }

        /** Whether objects may carry S3 tags on this store. */
        boolean taggingSupported() {
            return lines.stream().anyMatch(l -> l.permission().equals(PUT_OBJECT_TAGGING) && l.status() == Status.OK);
        }
    }

    private StorageCheck() {
    }

    /**
     * Repeats a call once when the pooled connection it went out on had been dropped: the JDK keeps idle
     * HTTP connections across clients, and one the store closed in the meantime says nothing about the store.
     * Every other failure is reported as the store gave it.
     */
    private static <T> T onceMoreIfDropped(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            if (S3Clients.isDroppedConnection(e)) {
                return call.get();
            }
            throw e;
        }
    }

    static String probeKey(StorageIntegration integration) {
        return integration.prefix() + PROBE_NAME;
    }

    /** Runs every probe against {@code s3}; failures become lines, never exceptions. */
    static Result run(S3Client s3, StorageIntegration integration, Clock clock) {
        String bucket = integration.bucket();
        String key = probeKey(integration);
        Instant startedAt = clock.instant();
        // A fresh body each time, so reading it back proves this check's write and not an earlier one.
        byte[] body = ("Airlock storage check " + startedAt + " " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.UTF_8);

        Line put;
        try {
            onceMoreIfDropped(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain")
                    .metadata(Map.of("airlock-check", startedAt.toString())), RequestBody.fromBytes(body)));
            put = ok(PUT_OBJECT, "Wrote the probe object " + key + ".");
        } catch (SdkException e) {
            put = failed(PUT_OBJECT, e, integration);
        }
        boolean written = put.status() == Status.OK;

        Line get;
        try {
            byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            if (!written) {
                get = ok(GET_OBJECT, "Read an earlier probe object; it could not be compared because the write failed.");
            } else if (Arrays.equals(read, body)) {
                get = ok(GET_OBJECT, "Read the probe object back; its bytes match.");
            } else {
                get = new Line(GET_OBJECT, Status.FAILED, null, "The probe object read back differs from what was "
                        + "written (" + read.length + " bytes instead of " + body.length + "): another writer or a "
                        + "caching proxy is in the way.");
            }
        } catch (S3Exception e) {
            get = !written && "NoSuchKey".equals(code(e))
                    // Only a caller allowed to read objects learns that a key is missing.
                    ? ok(GET_OBJECT, "Reading is permitted; there is no probe object yet because the write failed.")
                    : failed(GET_OBJECT, e, integration);
        } catch (SdkException e) {
            get = failed(GET_OBJECT, e, integration);
        }

        Line list;
        try {
            String dir = key.substring(0, key.lastIndexOf('/') + 1);
            var keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix(dir).maxKeys(100)).contents().stream()
                    .map(o -> o.key()).toList();
            if (keys.contains(key)) {
                list = ok(LIST_BUCKET, "Listed the prefix " + dir + " and found the probe object.");
            } else if (!written) {
                list = ok(LIST_BUCKET, "Listing is permitted; the probe object is missing because the write failed.");
            } else {
                list = new Line(LIST_BUCKET, Status.FAILED, null, "Listed the prefix " + dir
                        + " but the probe object just written is not in it.");
            }
        } catch (SdkException e) {
            list = failed(LIST_BUCKET, e, integration);
        }

        Line putTags;
        try {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(
                    Tag.builder().key("airlock-check").value(startedAt.toString().replace('T', ' ')).build())));
            putTags = ok(PUT_OBJECT_TAGGING, "Tagged the probe object.");
        } catch (S3Exception e) {
            putTags = unsupported(e) ? new Line(PUT_OBJECT_TAGGING, Status.UNSUPPORTED, code(e), TAGS_UNSUPPORTED)
                    : withSuffix(failed(PUT_OBJECT_TAGGING, e, integration), " This permission is optional: without "
                            + "it recordings keep their metadata as x-amz-meta-* headers only.");
        } catch (SdkException e) {
            putTags = failed(PUT_OBJECT_TAGGING, e, integration);
        }

        Line getTags;
        try {
            int n = s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().size();
            getTags = ok(GET_OBJECT_TAGGING, "Read the probe object's tags (" + n + ").");
        } catch (S3Exception e) {
            getTags = unsupported(e)
                    ? new Line(GET_OBJECT_TAGGING, Status.UNSUPPORTED, code(e), TAGS_UNSUPPORTED)
                    : withSuffix(failed(GET_OBJECT_TAGGING, e, integration), " This permission is optional: it "
                            + "only reads session metadata back from tags.");
        } catch (SdkException e) {
            getTags = failed(GET_OBJECT_TAGGING, e, integration);
        }
        return new Result(clock.instant(), List.of(put, get, list, getTags, putTags));
    }

    private static Line ok(String permission, String message) {
        return new Line(permission, Status.OK, null, message);
    }

    private static Line withSuffix(Line line, String suffix) {
        return new Line(line.permission(), line.status(), line.errorCode(), line.message() + suffix);
    }

    private static boolean unsupported(S3Exception e) {
        return e.statusCode() == 501 || "NotImplemented".equals(code(e));
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** A failed probe with the store's exact code and message and, where it is a known case, what it means. */
    static Line failed(String permission, SdkException e, StorageIntegration integration) {
        if (e instanceof S3Exception s3e) {
            String code = code(s3e);
            String storeMessage = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorMessage();
            String said = sentence("The store answered HTTP " + s3e.statusCode() + (code == null ? "" : " " + code)
                    + (storeMessage == null || storeMessage.isBlank() ? "" : ": " + storeMessage.strip()));
            String meaning = explain(permission, code, s3e.statusCode(), integration);
            return new Line(permission, Status.FAILED, code == null ? "HTTP " + s3e.statusCode() : code,
                    meaning == null ? said : meaning + " " + said);
        }
        return new Line(permission, Status.FAILED, null, explainClientError(e, integration));
    }

    /** Ends the text with a full stop unless the store's own message already ended it. */
    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static String explain(String permission, String code, int status, StorageIntegration integration) {
        if (code == null) {
            return status == 301 ? wrongRegion(integration) : null;
        }
        return switch (code) {
            case "AccessDenied", "AllAccessDisabled" -> "The access key lacks the permission " + permission
                    + " on bucket '" + integration.bucket() + "' under '" + integration.prefix()
                    + "'; add it to the key's IAM or bucket policy.";
            case "NoSuchBucket" -> "The bucket '" + integration.bucket() + "' does not exist at this endpoint; "
                    + "check its name (and the endpoint).";
            case "InvalidAccessKeyId" -> "The store does not know this access key id; check it, and that the key "
                    + "is active.";
            case "SignatureDoesNotMatch" -> "The secret access key does not belong to this access key id; enter "
                    + "the secret again.";
            case "RequestTimeTooSkewed" -> "This gateway's clock differs too much from the store's (more than 15 "
                    + "minutes); synchronise the gateway's time, for example with NTP.";
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException",
                    "InvalidRegion" -> wrongRegion(integration);
            default -> null;
        };
    }

    private static String wrongRegion(StorageIntegration integration) {
        return "The bucket '" + integration.bucket() + "' is not in the region '" + integration.region()
                + "' (or needs another endpoint); set the bucket's own region.";
    }

    private static String explainClientError(SdkException e, StorageIntegration integration) {
        String where = integration.endpoint() == null ? "AWS S3" : integration.endpoint().toString();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(t);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || chain.stream().anyMatch(t -> t instanceof SocketTimeoutException)) {
            return "The endpoint " + where + " did not answer in time; check the address, the firewall and the "
                    + "proxy between this gateway and the store. (" + e.getMessage() + ")";
        }
        if (chain.stream().anyMatch(t -> t instanceof UnknownHostException)) {
            return "The endpoint's host name " + where + " could not be resolved; check the endpoint and this "
                    + "gateway's DNS. (" + e.getMessage() + ")";
        }
        if (chain.stream().anyMatch(t -> t instanceof ConnectException)) {
            return "The endpoint " + where + " could not be reached (connection refused); check the address and "
                    + "port, and that the store is running. (" + e.getMessage() + ")";
        }
        if (e instanceof SdkClientException && chain.stream().anyMatch(t -> t instanceof IOException
                || t instanceof UncheckedIOException)) {
            return "The connection to " + where + " failed; check the endpoint and the network. ("
                    + e.getMessage() + ")";
        }
        return "The request could not be made: " + e.getMessage();
    }
}
