package io.airlock.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/** The directory that holds everything the gateway keeps on local disk. */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(AirlockProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
        createPrivateDirectory(root);
    }

    public Path root() {
        return root;
    }

    /** A sub-directory readable only by the gateway's own user, created when missing. */
    public Path privateDirectory(String name) {
        return createPrivateDirectory(root.resolve(name));
    }

    public static Path createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a file that only the gateway's user may read. The file is created with owner-only
     * permissions before any content is written, so a secret is never briefly world-readable.
     */
    public static void writePrivateFile(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
