package io.airlock.server.access;

/** Published when an administrator disables an account, so features can end what it still has open. */
public record AccountDisabled(long userId, String username, String disabledBy) {
}
