package dev.mapbench.report.model;

import java.util.List;
import java.util.Optional;

/**
 * The flame graphs under the run folders' {@code profiles/}, linked relative to the report folder, and
 * {@code profiles/profiler.json}'s fallback line when perf events were not allowed.
 *
 * @param cells the profiled cells, in folder and file-name order
 * @param notes the profiler's notes
 */
public record FlameGraphLinks(List<ProfiledCell> cells, List<String> notes) implements ReportSection {

    /** Copies the lists. */
    public FlameGraphLinks {
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    /**
     * One profiled cell.
     *
     * @param cell the cell's file name under profiles/ (index, id, oversubscription mark)
     * @param oversubscribed whether the runner marked the cell oversubscribed
     * @param cpu the CPU flame graph, if written
     * @param alloc the allocation flame graph, if written
     */
    public record ProfiledCell(String cell, boolean oversubscribed, Optional<Link> cpu, Optional<Link> alloc) {
    }
}
