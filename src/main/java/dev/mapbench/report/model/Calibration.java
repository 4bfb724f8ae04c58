package dev.mapbench.report.model;

import dev.mapbench.results.BenchmarkCell;
import java.util.Optional;

/**
 * The harness-overhead ratios for one map size and key distribution.
 *
 * <p>{@link #ratio} is the workload benchmark's single-thread, 100 %-read ConcurrentHashMap throughput
 * divided by the bare {@code HashMap.get} of CalibrationBenchmark: the ratio the suite's target is stated
 * in. It mixes two costs, which the bare {@code ConcurrentHashMap.get} cell, when measured, separates:
 * {@link #harness} (workload ÷ bare ConcurrentHashMap: key choice, operation dispatch, the strategy
 * adapter) and {@link #map} (bare ConcurrentHashMap ÷ bare HashMap: what ConcurrentHashMap's own lookup
 * costs). {@code ratio = harness × map}.
 *
 * @param calibration the CalibrationBenchmark.hashMapGet cell
 * @param bareConcurrent the CalibrationBenchmark.concurrentHashMapGet cell of the same size and
 *     distribution, if measured
 * @param workload the matching workload cell (same size and distribution when measured, else the closest size)
 * @param ratio workload ÷ bare HashMap throughput, with its uncertainty
 * @param harness workload ÷ bare ConcurrentHashMap: the harness's own cost, if the bare cell was measured
 * @param map bare ConcurrentHashMap ÷ bare HashMap: the map's own cost against a plain HashMap, if measured
 */
public record Calibration(BenchmarkCell calibration, Optional<BenchmarkCell> bareConcurrent, BenchmarkCell workload,
        Ratio ratio, Optional<Ratio> harness, Optional<Ratio> map) {

    /**
     * A throughput ratio and its uncertainty, from both cells' JMH 99.9 % errors (relative errors added
     * in quadrature); the error is NaN when unknown.
     */
    public record Ratio(double value, double error) {
    }

    /** The size and distribution this calibration is for, e.g. {@code size 100, UNIFORM}. */
    public String describe() {
        return "size " + calibration.params().getOrDefault("size", "?") + ", "
                + calibration.params().getOrDefault("keyDistribution", "UNIFORM");
    }
}
