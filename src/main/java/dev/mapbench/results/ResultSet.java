package dev.mapbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the inputs: the cells (duplicates removed), the duplicates found, and the
 * run environments of the run folders among the inputs.
 *
 * @param cells unique cells in reading order
 * @param duplicates cells found more than once, and which copy was kept
 * @param environments env.json of each run folder read, keyed by the result files read from it
 * @param inputs the files actually read (JSON files, including those found inside run folders)
 * @param runFolders the run folders among the inputs (where raw JSON, env.json and profiles live)
 */
public record ResultSet(
        List<BenchmarkCell> cells,
        List<Duplicate> duplicates,
        Map<Path, RunEnvironment> environments,
        List<Path> inputs,
        List<Path> runFolders) {

    /** Copies the collections. */
    public ResultSet {
        cells = List.copyOf(cells);
        duplicates = List.copyOf(duplicates);
        environments = Map.copyOf(environments);
        inputs = List.copyOf(inputs);
        runFolders = List.copyOf(runFolders);
    }

    /** The env.json that came with the cell's run folder, if any. */
    public Optional<RunEnvironment> environmentOf(BenchmarkCell cell) {
        return Optional.ofNullable(environments.get(cell.source()));
    }

    /** The distinct environments, in no particular order. */
    public List<RunEnvironment> distinctEnvironments() {
        return environments.values().stream().distinct().toList();
    }
}
