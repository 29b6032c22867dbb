package io.airlock.server.storage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An integration as administrators see it. It never carries a credential: the secret access key is
 * write-only, and {@code credentialStored} only says whether one is kept.
 */
record IntegrationView(long id, String name, StorageKind kind, String kindLabel, @Nullable String endpoint,
        @Nullable String region, @Nullable String bucket, @Nullable String prefix, boolean pathStyle,
        @Nullable String accessKeyId, boolean credentialStored, boolean active, boolean activatable,
        @Nullable String note, @Nullable LastCheck lastCheck) {

    /** The latest check; {@code passed} means the required permissions all answered. */
    record LastCheck(Instant checkedAt, boolean passed, boolean taggingSupported, List<StorageCheck.Line> lines) {
    }

    static IntegrationView of(StorageIntegration i, StorageCheck.Result check) {
        String note = switch (i.kind()) {
            case EMBEDDED -> "Runs inside the gateway and keeps recordings on this server's disk. "
                    + "Production deployments should store recordings in their own S3 bucket.";
            case S3 -> null;
        };
        LastCheck last = check == null ? null
                : new LastCheck(check.checkedAt(), check.passed(), check.taggingSupported(), check.lines());
        return new IntegrationView(i.id(), i.name(), i.kind(), i.kind().label(),
                i.endpoint() == null ? null : i.endpoint().toString(), i.region(), i.bucket(), i.prefix(),
                i.pathStyle(), i.accessKeyId(), i.kind() == StorageKind.EMBEDDED || i.secretSealed() != null,
                i.active(), !i.active() && last != null && last.passed(), note, last);
    }
}
