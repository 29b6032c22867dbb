package io.airlock.server.access;

import java.time.Instant;

/** A person who signs in to Airlock. The password hash never leaves the access package. */
record UserAccount(
        long id,
        String username,
        String displayName,
        String passwordHash,
        Role role,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        Instant lastLoginAt) {
}
