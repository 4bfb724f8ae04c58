package dev.mapbench.report.model;

import dev.mapbench.stats.Ranking;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.NamedWorkloadId;
import dev.mapbench.workload.WorkloadId;
import java.util.Optional;

/**
 * The verdicts of one workload, a grid one or a named one: every measured thread-safe strategy as best,
 * equivalent, slower or undecided.
 *
 * @param workload the workload
 * @param oversubscribed whether it ran more threads than cores: measured for the charts, never decided
 * @param ranking the strategies' verdicts, best first
 */
public record WorkloadVerdict(ComparedWorkload workload, boolean oversubscribed, Ranking ranking) {

    /** Whether every strategy's verdict is known (never for an oversubscribed workload). */
    public boolean decided() {
        return !oversubscribed && ranking.decided();
    }

    /** The grid workload, when this is one. */
    public Optional<WorkloadId> grid() {
        return workload instanceof WorkloadId id ? Optional.of(id) : Optional.empty();
    }

    /** The named workload, when this is one. */
    public Optional<NamedWorkloadId> named() {
        return workload instanceof NamedWorkloadId id ? Optional.of(id) : Optional.empty();
    }
}
