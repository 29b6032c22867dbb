package io.airlock.server.storage;

import io.airlock.server.config.AirlockProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Registers the embedded store as a storage integration and creates its bucket through the S3 API. On
 * first start it becomes the active integration; later starts only refresh its endpoint, which changes
 * when the port is picked at random.
 */
@Component
@Order(10)
class EmbeddedStorageRegistration implements ApplicationRunner {

    static final String NAME = "Embedded (local)";
    static final String REGION = "us-east-1";
    static final String PREFIX = "airlock/";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorageRegistration.class);

    private final ObjectProvider<EmbeddedS3Store> embedded;
    private final StorageIntegrationRepository integrations;
    private final StorageClients clients;
    private final AirlockProperties properties;
    private final Clock clock;

    EmbeddedStorageRegistration(ObjectProvider<EmbeddedS3Store> embedded, StorageIntegrationRepository integrations,
            StorageClients clients, AirlockProperties properties, Clock clock) {
        this.embedded = embedded;
        this.integrations = integrations;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        EmbeddedS3Store store = embedded.getIfAvailable();
        if (store == null) {
            return;
        }
        String bucket = properties.embeddedS3().bucket();
        var existing = integrations.findByKind(StorageKind.EMBEDDED);
        if (existing.isPresent()) {
            integrations.updateEndpoint(existing.get().id(), store.endpoint(), bucket, clock.instant());
        } else {
            boolean first = integrations.findActive().isEmpty();
            integrations.insert(NAME, StorageKind.EMBEDDED, store.endpoint(), REGION, bucket, PREFIX, true, first,
                    clock.instant());
            log.info("Registered the embedded object store as a storage integration{}", first ? " (active)" : "");
        }
        ensureBucket(integrations.findByKind(StorageKind.EMBEDDED).orElseThrow());
    }

    private void ensureBucket(StorageIntegration integration) {
        var s3 = clients.clientFor(integration);
        try {
            s3.headBucket(b -> b.bucket(integration.bucket()));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(integration.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(integration.bucket()));
        }
    }
}
