package dev.mapbench.results;

import java.nio.file.Path;

/**
 * The same cell found in two inputs. The reader keeps the one read later (inputs are read in
 * command-line order, so a rerun listed after the original replaces it) and reports the other.
 *
 * @param key the cell's identity
 * @param kept the file whose cell is used
 * @param dropped the file whose cell is ignored
 */
public record Duplicate(CellKey key, Path kept, Path dropped) {
}
