package dev.mapbench.report.model;

import dev.mapbench.results.BenchmarkCell;
import java.util.List;
import java.util.Optional;

/**
 * The GC sweep: workload cells run under several collectors, each with the stop-the-world pauses the runner
 * read from the forks' {@code -Xlog:gc}. Kept apart from the G1 matrix and its verdicts.
 *
 * @param workloads one per workload, its cells one per collector
 */
public record GcSweep(List<Workload> workloads) implements ReportSection {

    /** Copies the list. */
    public GcSweep {
        workloads = List.copyOf(workloads);
    }

    /** What one {@code gc-pauses/*.json} says: every STW pause of every fork of the cell. */
    public record Pauses(String cell, String gc, int forks, int pauses, double totalMillis, double maxMillis,
            double p50Millis, double p99Millis, String scope) {
    }

    /** One collector's cell of a workload, with its pauses when the run folder has them. */
    public record Entry(String gc, BenchmarkCell cell, Optional<Pauses> pauses) {
    }

    /** One workload (strategy × read % × size × keys × threads) and its cells, one per collector. */
    public record Workload(String strategy, String readPercent, String size, String keyDistribution, int threads,
            List<Entry> entries) {

        /** Copies the list. */
        public Workload {
            entries = List.copyOf(entries);
        }
    }
}
