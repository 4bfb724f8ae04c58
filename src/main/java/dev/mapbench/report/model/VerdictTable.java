package dev.mapbench.report.model;

import dev.mapbench.stats.VerdictSettings;
import java.util.List;

/**
 * The verdict table: every mapbench workload with each thread-safe strategy's verdict, how they were
 * decided, and why each cell got each fork.
 *
 * @param verdicts one per workload (empty for foreign JSON)
 * @param settings the equivalence margin and levels the verdicts were decided with
 * @param method the statistics core's statement of how they were decided
 * @param provenance the forks of each cell and why each was run (the run folders' forks.csv)
 * @param origins where each strategy comes from
 */
public record VerdictTable(List<WorkloadVerdict> verdicts, VerdictSettings settings, String method,
        ForkProvenance provenance, StrategyOrigins origins) implements ReportSection {

    /** Copies the list. */
    public VerdictTable {
        verdicts = List.copyOf(verdicts);
    }
}
