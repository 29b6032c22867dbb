package io.airlock.rfb;

import java.util.List;

/** Encoding numbers from the IANA "RFB Encoding Types" registry that this client decodes. */
public final class Encodings {

    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int RRE = 2;
    public static final int HEXTILE = 5;
    public static final int TIGHT = 7;
    public static final int ZRLE = 16;
    public static final int CURSOR = -239;
    /** Where the pointer is, in the rectangle's x and y; the gateway records it for the client's own moves. */
    public static final int POINTER_POS = -232;
    public static final int LAST_RECT = -224;
    public static final int DESKTOP_SIZE = -223;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    /** Tight JPEG quality levels 0 to 9 are -32 to -23; the server decides between them and lossless. */
    public static final int JPEG_QUALITY_0 = -32;
    /** Tight compression levels 0 to 9 are -256 to -247. */
    public static final int COMPRESS_LEVEL_0 = -256;

    /**
     * Every encoding and pseudo-encoding {@link ServerMessageReader} decodes, best first: what a client
     * of this library may offer a server in SetEncodings (quality and compression levels aside).
     */
    public static final List<Integer> DECODED = List.of(TIGHT, ZRLE, HEXTILE, RRE, COPY_RECT, RAW, CURSOR, POINTER_POS,
            LAST_RECT, EXTENDED_DESKTOP_SIZE, DESKTOP_SIZE);

    private Encodings() {
    }

    /** {@return a readable name for an encoding number, for error messages} */
    public static String name(int encoding) {
        return switch (encoding) {
            case RAW -> "Raw";
            case COPY_RECT -> "CopyRect";
            case RRE -> "RRE";
            case HEXTILE -> "Hextile";
            case TIGHT -> "Tight";
            case ZRLE -> "ZRLE";
            case CURSOR -> "Cursor";
            case POINTER_POS -> "PointerPos";
            case LAST_RECT -> "LastRect";
            case DESKTOP_SIZE -> "DesktopSize";
            case EXTENDED_DESKTOP_SIZE -> "ExtendedDesktopSize";
            default -> "encoding " + encoding;
        };
    }
}
