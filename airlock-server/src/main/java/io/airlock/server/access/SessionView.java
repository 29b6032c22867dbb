package io.airlock.server.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** What the browser learns about its own session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(boolean authenticated, @Nullable Me user) {

    /** The signed-in user. */
    record Me(long id, String username, String displayName, Role role, boolean mustChangePassword) {
    }

    static SessionView anonymous() {
        return new SessionView(false, null);
    }

    static SessionView of(AirlockPrincipal p) {
        return new SessionView(true,
                new Me(p.id(), p.getUsername(), p.displayName(), p.role(), p.mustChangePassword()));
    }
}
