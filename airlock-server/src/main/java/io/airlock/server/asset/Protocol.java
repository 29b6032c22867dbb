package io.airlock.server.asset;

/** How the gateway reaches a piece of equipment. */
public enum Protocol {
    SSH(22),
    TELNET(23),
    VNC(5900),
    RDP(3389);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
