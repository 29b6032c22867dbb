package io.airlock.server.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * S3's rules for object tags, applied before a request is sent so a bad tag fails here with a clear message
 * instead of as a whole rejected upload: at most 10 tags, keys of at most 128 and values of at most 256
 * characters from letters, spaces, digits and {@code _ . : / = + - @}.
 */
final class TagRules {

    static final int MAX_TAGS = 10;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern DISALLOWED_CHAR = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private TagRules() {
    }

    /**
     * Tags ready to send. Values are sanitised (each disallowed character becomes '_', so a session
     * description with a comma still gets stored rather than dropped); keys are the product's own and must be
     * valid as given. Anything that cannot be made valid is refused, never silently left out.
     */
    static Map<String, String> sanitize(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw invalid("An object takes at most " + MAX_TAGS + " tags, not " + tags.size() + ".");
        }
        var out = new LinkedHashMap<String, String>();
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > MAX_KEY || !ALLOWED.matcher(key).matches()) {
                throw invalid("The tag key '" + key + "' is not valid: 1 to " + MAX_KEY + " letters, digits, spaces "
                        + "or _ . : / = + - @.");
            }
            String clean = DISALLOWED_CHAR.matcher(value == null ? "" : value).replaceAll("_");
            if (clean.length() > MAX_VALUE) {
                throw invalid("The value of tag '" + key + "' has " + clean.length() + " characters; at most "
                        + MAX_VALUE + " are allowed.");
            }
            out.put(key, clean);
        });
        return out;
    }

    private static StorageException invalid(String message) {
        return new StorageException(StorageException.Reason.INVALID, message);
    }
}
