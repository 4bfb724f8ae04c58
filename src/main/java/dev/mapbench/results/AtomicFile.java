package dev.mapbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that no reader, and no run killed half-way, ever sees half of it: the text goes to a
 * temporary file beside the target, which is then moved over the target in one step.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target}, creating its folder if needed. The temporary name is unique,
     * so two writers never share one, and it is removed if anything fails. Not {@code Files.createTempFile}: its
     * files are owner-only, and these are results to share. Where the file system cannot move atomically, the
     * move replaces the target in place.
     */
    public static void write(Path target, String text) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
