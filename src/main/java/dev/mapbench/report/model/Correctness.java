package dev.mapbench.report.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The correctness section: the last test run's hazard rates and Lincheck outcomes, and the benchmark run's
 * commits to tell whether they are from the same code.
 *
 * @param hazards the hazard rates, if found
 * @param linearizability the Lincheck outcomes, if found
 * @param location where the hazard rates were looked for
 * @param runCommits the git commits the benchmark run's env.json files recorded
 */
public record Correctness(Optional<CorrectnessResults> hazards, Optional<LinearizabilityResults> linearizability,
        Path location, List<String> runCommits) implements ReportSection {

    /** Copies the list. */
    public Correctness {
        runCommits = List.copyOf(runCommits);
    }
}
