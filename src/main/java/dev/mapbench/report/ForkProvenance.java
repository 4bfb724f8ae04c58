package dev.mapbench.report;

import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForksCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each cell got each of its forks: the run folders' {@code forks.csv} (read by {@link ForksCsv}, one
 * {@link ForkRow} per fork), so the report can show how a verdict was reached. Run folders from before single
 * forks have none; then nothing is shown.
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

    /** Reads every run folder's forks.csv (later folders win for a cell found twice). */
    public static ForkProvenance read(List<Path> runFolders) throws BadInputException {
        Map<String, List<ForkRow>> byCell = new LinkedHashMap<>();
        for (Path folder : runFolders) {
            Map<String, List<ForkRow>> fromFolder = new LinkedHashMap<>();
            for (ForkRow row : ForksCsv.read(folder.resolve(ForksCsv.FILE))) {
                fromFolder.computeIfAbsent(row.cellId(), id -> new ArrayList<>()).add(row);
            }
            byCell.putAll(fromFolder);
        }
        return new ForkProvenance(byCell);
    }

    /** The forks of the workload cell of {@code strategy} in {@code workload}, in fork order; empty if unknown. */
    public List<ForkRow> forksOf(WorkloadId workload, String strategy) {
        return byCell.getOrDefault(new CellId.Workload(strategy, workload).id(), List.of());
    }

    /** Every fork of every cell, by cell id. */
    public Map<String, List<ForkRow>> byCell() {
        return java.util.Collections.unmodifiableMap(byCell);
    }

    /** Whether any run folder had a forks.csv. */
    public boolean isEmpty() {
        return byCell.isEmpty();
    }
}
