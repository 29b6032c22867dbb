package io.airlock.server.asset;

import java.time.Instant;

/** A piece of equipment on the OT network. */
public record Asset(long id, String name, String description, String host, String site, String zone,
        Instant createdAt, Instant updatedAt) {
}
