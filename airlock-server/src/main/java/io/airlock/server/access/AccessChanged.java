package io.airlock.server.access;

/**
 * Published when an administrator changes who may reach what (a group's members, methods, schedule or
 * enabled flag, a group deleted, a role changed), so open sessions are checked again once it is committed.
 */
public record AccessChanged(String changedBy) {
}
