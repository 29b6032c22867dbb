package io.airlock.server.storage;

import io.airlock.server.asset.CredentialVault;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 client per integration version, built on first use. Clients are thread-safe and costly to
 * build, so they are shared; a changed integration (new updatedAt) gets a new client.
 */
@Component
class StorageClients implements AutoCloseable {

    private final ObjectProvider<EmbeddedS3Store> embedded;
    private final CredentialVault vault;
    private final Map<Long, Cached> clients = new ConcurrentHashMap<>();

    StorageClients(ObjectProvider<EmbeddedS3Store> embedded, CredentialVault vault) {
        this.embedded = embedded;
        this.vault = vault;
    }

    private record Cached(StorageIntegration integration, S3Client client) {
    }

    S3Client clientFor(StorageIntegration integration) {
        Cached cached = clients.compute(integration.id(), (id, old) -> {
            if (old != null && old.integration().equals(integration)) {
                return old;
            }
            if (old != null) {
                old.client().close();
            }
            return new Cached(integration, build(integration, S3Clients.Limits.TRANSFER));
        });
        return cached.client();
    }

    /** A new client with the short, retry-free limits of a check; the caller closes it. */
    S3Client checkClientFor(StorageIntegration integration) {
        return build(integration, S3Clients.Limits.CHECK);
    }

    private S3Client build(StorageIntegration integration, S3Clients.Limits limits) {
        return switch (integration.kind()) {
            case EMBEDDED -> {
                EmbeddedS3Store store = embedded.getIfAvailable();
                if (store == null) {
                    throw new StorageException(StorageException.Reason.UNAVAILABLE,
                            "The embedded object store is switched off (AIRLOCK_EMBEDDED_S3=false); "
                                    + "activate an external integration instead.");
                }
                var credentials = store.credentials();
                yield S3Clients.create(integration.endpoint(), integration.region(), integration.pathStyle(),
                        credentials.accessKeyId(), credentials.secretAccessKey(), limits);
            }
            case S3 -> {
                if (integration.accessKeyId() == null || integration.secretSealed() == null) {
                    throw new StorageException(StorageException.Reason.UNAVAILABLE,
                            "The integration '" + integration.name() + "' has no access key; edit it and enter one.");
                }
                String secret;
                try {
                    secret = vault.open(integration.secretSealed(), StorageIntegration.secretContext(integration.id()));
                } catch (CredentialVault.VaultException e) {
                    throw new StorageException(StorageException.Reason.UNAVAILABLE, e.getMessage(), e);
                }
                yield S3Clients.create(integration.endpoint(), integration.region(), integration.pathStyle(),
                        integration.accessKeyId(), secret, limits);
            }
        };
    }

    @Override
    public void close() {
        clients.values().forEach(c -> c.client().close());
        clients.clear();
    }
}
