package io.airlock.server.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A test's own look into a bucket over the S3 API, past the gateway: what is really stored there. */
public final class Bucket implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    public Bucket(URI endpoint, String bucket, String accessKeyId, String secret) {
        this.bucket = bucket;
        this.s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    /** Every key under a prefix. */
    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key)
                .toList();
    }

    public Map<String, String> metadata(String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).metadata();
    }

    public Map<String, String> tags(String key) {
        var tags = new java.util.LinkedHashMap<String, String>();
        s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    /** Multipart uploads begun and neither completed nor aborted. */
    public int openUploads() {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    public Path download(String key, Path file) {
        s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(file));
        return file;
    }

    @Override
    public void close() {
        s3.close();
    }
}
