package dev.mapbench.report.model;

import dev.mapbench.results.Metric;
import java.util.List;

/**
 * Each role's own throughput in the named workloads that have roles (a JMH group: e.g. 7 readers and 1 writer),
 * beside the workload's total that the verdicts rank, and each role's latency percentiles where the run timed the
 * roles (the same group in SampleTime, a cell of its own).
 *
 * @param rows one per workload, threads, strategy and role, in the verdicts' order
 */
public record RoleThroughput(List<Row> rows) implements ReportSection {

    /** Copies the list. */
    public RoleThroughput {
        rows = List.copyOf(rows);
    }

    /**
     * One role of one strategy in one named workload.
     *
     * @param workload the workload's name
     * @param threads the workload's threads
     * @param strategy the strategy
     * @param role the role's name, from the workload
     * @param roleThreads threads running the role
     * @param throughput the role's throughput (JMH's score and error of its group method)
     * @param share the role's share of the workload's total throughput
     * @param latency the role's latency (its SampleTime metric, with percentiles), or null when not timed
     */
    public record Row(String workload, int threads, String strategy, String role, int roleThreads, Metric throughput,
            double share, Metric latency) {
    }

    /** The percentiles shown of a role's latency, as JMH keys them, and their labels. */
    public static final List<Double> LATENCY_PERCENTILES = List.of(50.0, 99.0, 99.9);
    public static final List<String> LATENCY_LABELS = List.of("p50", "p99", "p99.9");
}
