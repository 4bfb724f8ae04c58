package dev.mapbench.report;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.Optional;

/**
 * The verdict for one workload: the best thread-safe strategy, how far ahead of the next it is, and
 * whether that lead is real.
 *
 * @param workload the workload
 * @param best the best cell
 * @param runnerUp the next best cell, if more than one strategy was measured
 * @param marginPercent how much better best is than runnerUp, in percent (NaN without runnerUp)
 * @param marginErrorPercent the margin's uncertainty: both JMH 99.9 % errors propagated as
 *     independent relative errors (NaN when unknown)
 * @param decision whether the margin is significant and by which method
 * @param oversubscribed whether the workload ran more threads than cores
 * @param strategiesCompared how many thread-safe strategies were measured for this workload
 */
public record Verdict(
        Workload workload,
        BenchmarkCell best,
        Optional<BenchmarkCell> runnerUp,
        double marginPercent,
        double marginErrorPercent,
        Significance.Decision decision,
        boolean oversubscribed,
        int strategiesCompared) {

    /** The best cell's strategy name. */
    public String bestStrategy() {
        return best.params().get(Workload.STRATEGY);
    }

    /** The best cell's bytes allocated per operation, if {@code -prof gc} ran. */
    public Optional<Metric> bestBytesPerOp() {
        return best.secondary(BenchmarkCell.ALLOCATION_PER_OP);
    }
}
