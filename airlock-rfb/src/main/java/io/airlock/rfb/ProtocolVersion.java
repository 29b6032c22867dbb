package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An RFB protocol version as exchanged in the 12-byte {@code "RFB xxx.yyy\n"} greeting
 * (RFC 6143 section 7.1.1).
 *
 * @param major the three-digit major number, 0 to 999
 * @param minor the three-digit minor number, 0 to 999
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {

    /** Length of the greeting on the wire, including the trailing newline. */
    public static final int BANNER_LENGTH = 12;

    public static final ProtocolVersion V3_3 = new ProtocolVersion(3, 3);
    public static final ProtocolVersion V3_7 = new ProtocolVersion(3, 7);
    public static final ProtocolVersion V3_8 = new ProtocolVersion(3, 8);

    /** Apple Remote Desktop announces 3.889 and then runs the 3.8 handshake. */
    private static final int APPLE_MINOR = 889;

    private static final byte[] PREFIX = "RFB ".getBytes(StandardCharsets.US_ASCII);

    public ProtocolVersion {
        if (major < 0 || major > 999 || minor < 0 || minor > 999) {
            throw new IllegalArgumentException("RFB version numbers have three digits: " + major + "." + minor);
        }
    }

    /** Reads and parses the server's greeting. */
    public static ProtocolVersion read(InputStream in) throws IOException {
        return parse(RfbInput.readExactly(in, BANNER_LENGTH, "the RFB protocol version greeting"));
    }

    /**
     * Parses a greeting of exactly {@value #BANNER_LENGTH} bytes.
     *
     * @throws RfbException with {@link RfbException.Reason#MALFORMED_BANNER} if it is not
     *     {@code "RFB "}, three digits, a dot, three digits and a newline
     */
    public static ProtocolVersion parse(byte[] banner) throws RfbException {
        if (banner.length != BANNER_LENGTH) {
            throw malformed(banner, "it is " + banner.length + " bytes long, not " + BANNER_LENGTH);
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (banner[i] != PREFIX[i]) {
                throw malformed(banner, "it does not start with \"RFB \"");
            }
        }
        if (banner[7] != '.') {
            throw malformed(banner, "there is no dot between the version numbers");
        }
        if (banner[11] != '\n') {
            throw malformed(banner, "it does not end with a newline");
        }
        return new ProtocolVersion(threeDigits(banner, 4), threeDigits(banner, 8));
    }

    /**
     * The version this client answers a server that announced this one: the highest of 3.3, 3.7 and
     * 3.8 that the server implements. Per RFC 6143 section 7.1.1, versions other than those three are
     * handled as 3.3, because such servers do not implement the later handshakes; Apple's 3.889 and
     * any later major version do implement 3.8.
     *
     * @throws RfbException with {@link RfbException.Reason#UNSUPPORTED_VERSION} for versions before 3
     */
    public ProtocolVersion clientAnswer() throws RfbException {
        if (major < 3) {
            throw new RfbException(RfbException.Reason.UNSUPPORTED_VERSION,
                    "server speaks RFB " + this + "; the oldest version this client speaks is 3.3");
        }
        if (major > 3 || minor == 8 || minor == APPLE_MINOR) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    /** The greeting as sent on the wire, e.g. {@code "RFB 003.008\n"}. */
    public byte[] toBanner() {
        return String.format("RFB %03d.%03d\n", major, minor).getBytes(StandardCharsets.US_ASCII);
    }

    public boolean isAtLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ProtocolVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static int threeDigits(byte[] banner, int offset) throws RfbException {
        int value = 0;
        for (int i = offset; i < offset + 3; i++) {
            int digit = banner[i] - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(banner, "the version numbers are not three decimal digits each");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static RfbException malformed(byte[] banner, String why) {
        return new RfbException(RfbException.Reason.MALFORMED_BANNER,
                "not an RFB protocol version greeting because " + why + ": \"" + RfbInput.printable(banner) + "\"");
    }
}
