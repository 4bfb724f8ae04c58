package dev.mapbench.report.model;

import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each cell got each of its forks, as the run folders' {@code forks.csv} records them (one row per fork:
 * order, cell, fork, round, reason, start, seconds, score, unit), so the report can show how a verdict was
 * reached. Run folders from before single forks have none; then nothing is shown.
 */
public final class ForkProvenance {

    /**
     * One fork of a cell: {@code value} is the mean of its steady iterations, {@code steadyFrom} how many leading
     * iterations still trended (0 for forks.csv files written before steady-state values), {@code warmupIterations}
     * the warm-up it ran (-1 when not recorded).
     */
    public record Fork(int order, int fork, int round, String reason, double seconds, double score, String unit,
            double value, int steadyFrom, int warmupIterations) {
    }

    private final Map<String, List<Fork>> byCell;

    private ForkProvenance(Map<String, List<Fork>> byCell) {
        this.byCell = byCell;
    }

    /** No provenance at all. */
    public static ForkProvenance none() {
        return new ForkProvenance(Map.of());
    }

    /** The forks of each cell, by cell id, each list in fork order. */
    public static ForkProvenance of(Map<String, List<Fork>> byCell) {
        Map<String, List<Fork>> copy = new LinkedHashMap<>();
        byCell.forEach((cell, forks) -> copy.put(cell, List.copyOf(forks)));
        return new ForkProvenance(Collections.unmodifiableMap(copy));
    }

    /** The forks of the workload cell of {@code strategy} in {@code workload}, in fork order; empty if unknown. */
    public List<Fork> forksOf(WorkloadId workload, String strategy) {
        return byCell.getOrDefault(new CellId.Workload(strategy, workload).id(), List.of());
    }

    /** Every fork of every cell, by cell id. */
    public Map<String, List<Fork>> byCell() {
        return byCell;
    }

    /** Whether any run folder had a forks.csv. */
    public boolean isEmpty() {
        return byCell.isEmpty();
    }
}
