package io.airlock.rfb;

/**
 * One RFB security type number from the IANA "RFB Security Types" registry. A record rather than an
 * enum because servers offer numbers this client has never heard of, and those must survive parsing
 * so that a log can name them.
 *
 * @param code the registered number, 1 to 255 (0 means "failed" on the wire and is never a type)
 */
public record SecurityType(int code) {

    public static final SecurityType NONE = new SecurityType(1);
    public static final SecurityType VNC_AUTH = new SecurityType(2);
    public static final SecurityType TIGHT = new SecurityType(16);
    public static final SecurityType VENCRYPT = new SecurityType(19);

    public SecurityType {
        if (code < 1 || code > 255) {
            throw new IllegalArgumentException("RFB security types are 1 to 255, not " + code);
        }
    }

    @Override
    public String toString() {
        String name = switch (code) {
            case 1 -> "None";
            case 2 -> "VNC Authentication";
            case 16 -> "Tight";
            case 18 -> "TLS";
            case 19 -> "VeNCrypt";
            case 30 -> "Apple Remote Desktop";
            default -> "unknown";
        };
        return code + " (" + name + ")";
    }
}
