package io.airlock.server.storage;

import java.nio.charset.StandardCharsets;

/**
 * S3 sends user metadata as HTTP headers, which carry only printable US-ASCII. A value with anything else
 * (an asset named "Pumpe Süd") is percent-encoded as UTF-8, the way the AWS console shows such values, so
 * it arrives whole instead of being refused or mangled; '%' itself is encoded so decoding is unambiguous.
 */
final class MetadataValues {

    private MetadataValues() {
    }

    static String encode(String value) {
        if (value == null) {
            return "";
        }
        boolean plain = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '%');
        if (plain) {
            return value;
        }
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
