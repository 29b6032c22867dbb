package io.airlock.server.session;

/** How a session ended, as the history shows it. */
public enum EndReason {
    CLOSED_BY_USER("Closed by user"),
    TERMINATED_BY_ADMIN("Terminated by admin"),
    EQUIPMENT_CLOSED("Equipment closed the connection"),
    ERROR("Error"),
    /** The user may no longer reach it: the group's schedule closed, the group was disabled, they left it. */
    ACCESS_ENDED("Access ended"),
    GATEWAY_STOPPED("Gateway stopped"),
    /** The gateway died (a crash, a power cut) while the session was open, and found it on restart. */
    GATEWAY_RESTARTED("Gateway restarted"),
    /** The gateway node running the session stopped sending heartbeats; another node ended it. */
    NODE_STOPPED("Gateway node stopped");

    private final String label;

    EndReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
