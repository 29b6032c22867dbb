package io.airlock.server.storage;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports whether the active storage integration's bucket answers. Details (name, bucket) are shown to
 * System Admins only, as configured for the health endpoint.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

    private final StorageIntegrationRepository integrations;
    private final StorageClients clients;

    StorageHealthIndicator(StorageIntegrationRepository integrations, StorageClients clients) {
        super("The active storage integration could not be checked");
        this.integrations = integrations;
        this.clients = clients;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var active = integrations.findActive();
        if (active.isEmpty()) {
            // Not DOWN: the gateway works without storage until a group enforces recording.
            builder.unknown().withDetail("reason", "No storage integration is active");
            return;
        }
        var integration = active.get();
        // A health probe answers within seconds; the client's longer limits are for 16 MiB multipart parts.
        clients.clientFor(integration).headBucket(b -> b.bucket(integration.bucket())
                .overrideConfiguration(o -> o.apiCallTimeout(HEALTH_TIMEOUT).apiCallAttemptTimeout(HEALTH_TIMEOUT)));
        builder.up().withDetail("integration", integration.name()).withDetail("bucket", integration.bucket());
    }
}
