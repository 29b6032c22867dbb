package io.airlock.server.storage;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration → External Integrations. */
@RestController
class IntegrationsController {

    private final IntegrationQueries queries;

    IntegrationsController(IntegrationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/integrations")
    List<IntegrationView> list() {
        return queries.list();
    }

    /** An integration as administrators see it. It never carries a credential. */
    record IntegrationView(long id, String name, StorageKind kind, String kindLabel, String endpoint, String region,
            String bucket, String prefix, boolean active, String note) {

        static IntegrationView of(StorageIntegration i) {
            String note = switch (i.kind()) {
                case EMBEDDED -> "Runs inside the gateway and keeps recordings on this server's disk. "
                        + "Production deployments should store recordings in their own S3 bucket.";
            };
            return new IntegrationView(i.id(), i.name(), i.kind(), i.kind().label(),
                    i.endpoint() == null ? null : i.endpoint().toString(), i.region(), i.bucket(), i.prefix(),
                    i.active(), note);
        }
    }

    /** Read side of integrations; System Admins only. */
    @Service
    static class IntegrationQueries {

        private final StorageIntegrationRepository integrations;

        IntegrationQueries(StorageIntegrationRepository integrations) {
            this.integrations = integrations;
        }

        @PreAuthorize("hasRole('SYSTEM_ADMIN')")
        List<IntegrationView> list() {
            return integrations.findAll().stream().map(IntegrationView::of).toList();
        }
    }
}
