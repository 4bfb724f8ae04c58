package dev.mapbench.results;

import java.nio.file.Path;

/**
 * The version of a run-folder file's format. A file without a version is version 1 (everything written before
 * the field existed); a version newer than this code reads is refused rather than half-understood.
 */
final class SchemaVersion {

    private SchemaVersion() {
    }

    /** {@code version} if this code reads it, else bad input naming {@code file}. */
    static int check(Path file, int version, int newest) throws BadInputException {
        if (version < 1) {
            throw new BadInputException(file, "version " + version + " is not a format version (1 or more)");
        }
        if (version > newest) {
            throw new BadInputException(file, "format version " + version + " is newer than this mapbench reads "
                    + "(up to " + newest + "); read it with the mapbench that wrote it or a later one");
        }
        return version;
    }
}
