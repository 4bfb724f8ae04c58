package dev.mapbench.report.model;

import dev.mapbench.stats.Ranking;
import dev.mapbench.workload.WorkloadId;

/**
 * The verdicts of one workload: every measured thread-safe strategy as best, equivalent, slower or
 * undecided.
 *
 * @param workload the workload
 * @param oversubscribed whether it ran more threads than cores: measured for the charts, never decided
 * @param ranking the strategies' verdicts, best first
 */
public record WorkloadVerdict(WorkloadId workload, boolean oversubscribed, Ranking ranking) {

    /** Whether every strategy's verdict is known (never for an oversubscribed workload). */
    public boolean decided() {
        return !oversubscribed && ranking.decided();
    }
}
