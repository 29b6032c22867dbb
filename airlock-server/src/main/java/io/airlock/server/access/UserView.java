package io.airlock.server.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it: everything but the password hash. */
record UserView(long id, String username, String displayName, Role role, boolean enabled,
        boolean mustChangePassword, Instant createdAt, @Nullable Instant lastLoginAt) {

    static UserView of(UserAccount a) {
        return new UserView(a.id(), a.username(), a.displayName(), a.role(), a.enabled(), a.mustChangePassword(),
                a.createdAt(), a.lastLoginAt());
    }
}
