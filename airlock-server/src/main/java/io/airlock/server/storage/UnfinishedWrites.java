package io.airlock.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded store's filesystem backend writes each object to a temporary file beside it, named after
 * the key plus "-" and a random UUID, and renames it when the upload completes. A gateway that dies during
 * an upload (the store runs in its process) leaves that file behind, and the store would list it as an
 * object: a partial object. Before the store serves again these leftovers are removed; Airlock's own keys
 * never end in a UUID.
 */
final class UnfinishedWrites {

    private static final Pattern TEMPORARY = Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private UnfinishedWrites() {
    }

    /** Deletes the leftovers under the store's object directory; returns what was removed. */
    static List<Path> remove(Path objects) {
        try (Stream<Path> files = Files.walk(objects)) {
            List<Path> leftovers = files.filter(Files::isRegularFile)
                    .filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches()).toList();
            for (Path f : leftovers) {
                Files.deleteIfExists(f);
            }
            return leftovers;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the embedded store's unfinished writes in " + objects, e);
        }
    }
}
