package dev.mapbench.report.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The hazard rates the correctness tests left in {@code target/correctness/hazard-rates.json}:
 * for each hazard and strategy, whether it was observed and how often.
 *
 * @param source the file read
 * @param generatedAt when the tests wrote it (ISO-8601 text)
 * @param jvm the JVM the tests ran on
 * @param cores the cores of the machine the tests ran on (0 when absent)
 * @param hazards one entry per hazard and strategy
 * @param commit the git commit the tests ran at ("" when the file predates recording it)
 */
public record CorrectnessResults(Path source, String generatedAt, String jvm, int cores, List<Hazard> hazards, String commit) {

    /** Copies the list. */
    public CorrectnessResults {
        hazards = List.copyOf(hazards);
    }

    /** One hazard measured against one strategy. */
    public record Hazard(String hazard, String strategy, boolean observed, long trials, double seconds,
            double rate, String rateUnit, String detail) {
    }
}
