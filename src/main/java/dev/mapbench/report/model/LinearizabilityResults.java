package dev.mapbench.report.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The Lincheck outcomes the linearizability tests left in {@code target/correctness/linearizability.json}
 * (written by the test-scope {@code LinearizabilityRecorder}): per strategy and mode, passed or failed.
 *
 * @param source the file read
 * @param generatedAt when the tests wrote it
 * @param commit the git commit the tests ran at
 * @param scenarios what Lincheck explored, in words
 * @param checks one per strategy and mode
 */
public record LinearizabilityResults(Path source, String generatedAt, String commit, String scenarios, List<Check> checks) {

    /** Copies the list. */
    public LinearizabilityResults {
        checks = List.copyOf(checks);
    }

    /** One Lincheck check of one strategy. */
    public record Check(String strategy, String check, boolean passed, double seconds, String test, String detail) {
    }
}
