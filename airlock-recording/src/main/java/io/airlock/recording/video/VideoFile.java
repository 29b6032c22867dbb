package io.airlock.recording.video;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A video appears under its own name only whole: it is written beside it under a {@code .part} name,
 * owner-only from the start (a video may show passwords typed at prompts), forced to disk and then
 * renamed over it. A crash leaves at most the {@code .part} file, which the next attempt replaces.
 */
final class VideoFile {

    private VideoFile() {
    }

    /** {@return where {@code video} is written before it is moved into place} */
    static Path partial(Path video) {
        return video.resolveSibling(video.getFileName() + ".part");
    }

    /**
     * Creates {@code file} empty and owner-only, replacing what was there (the leftover of an earlier
     * attempt, or an unlinked file an abandoned encoder still writes to, which then keeps its own inode).
     */
    static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Forces the finished {@code partial} to disk, renames it to {@code video} and makes the rename last. */
    static void moveIntoPlace(Path partial, Path video) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, video, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(video.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform syncs a directory; the rename is still atomic, only perhaps not yet durable.
        }
    }
}
