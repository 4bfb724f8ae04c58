package dev.mapbench.report;

import dev.mapbench.stats.Ranking;

/**
 * The verdicts of one workload: every thread-safe strategy's status against the best.
 *
 * @param workload the workload
 * @param oversubscribed whether it ran more threads than cores
 * @param ranking the strategies, best first
 */
public record WorkloadVerdict(Workload workload, boolean oversubscribed, Ranking ranking) {
}
