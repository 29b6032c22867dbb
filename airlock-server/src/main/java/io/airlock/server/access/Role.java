package io.airlock.server.access;

/** What a person may do in Airlock. Each user holds exactly one role. */
public enum Role {
    /** Manages everything, including users and external integrations. */
    SYSTEM_ADMIN("System Admin"),
    /** Manages access groups and reviews session history. */
    ACCESS_ADMIN("Access Admin"),
    /** Opens sessions to the equipment their access groups allow. */
    USER("User");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
