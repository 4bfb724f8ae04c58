package dev.mapbench.report.model;

import dev.mapbench.results.ForkRow;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.WorkloadId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each cell got each of its forks, one {@link ForkRow} per fork of the run folders' {@code forks.csv}, so the report can show how a verdict was
 * reached. Run folders from before single forks have none; then nothing is shown.
 */
public final class ForkProvenance {

    private final Map<String, List<ForkRow>> byCell;

    private ForkProvenance(Map<String, List<ForkRow>> byCell) {
        this.byCell = byCell;
    }

    /** No provenance at all. */
    public static ForkProvenance none() {
        return new ForkProvenance(Map.of());
    }

    /** The forks of each cell, by cell id, each list in fork order. */
    public static ForkProvenance of(Map<String, List<ForkRow>> byCell) {
        Map<String, List<ForkRow>> copy = new LinkedHashMap<>();
        byCell.forEach((cell, forks) -> copy.put(cell, List.copyOf(forks)));
        return new ForkProvenance(Collections.unmodifiableMap(copy));
    }

    /** The forks of the cell of {@code strategy} in {@code workload} (grid or named), in fork order; empty if unknown. */
    public List<ForkRow> forksOf(ComparedWorkload workload, String strategy) {
        CellId id = workload instanceof WorkloadId grid ? new CellId.Workload(strategy, grid)
                : new CellId.Named(strategy, workload.name(), workload.threads());
        return byCell.getOrDefault(id.id(), List.of());
    }

    /** Every fork of every cell, by cell id. */
    public Map<String, List<ForkRow>> byCell() {
        return byCell;
    }

    /** Whether any run folder had a forks.csv. */
    public boolean isEmpty() {
        return byCell.isEmpty();
    }
}
