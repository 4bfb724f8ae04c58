package dev.mapbench.report.model;

import java.time.LocalDate;

/**
 * One cell metric of one nightly run, as kept in {@code results/history.csv}.
 *
 * @param date the night the run started (UTC)
 * @param commit the measured git commit (from env.json), or {@code unknown}
 * @param runId the run folder's id
 * @param environmentId a short hash of CPU, cores, JVM, GC, heap, JVM arguments and OS
 * @param cell the cell's readable identity
 * @param metric {@code score} or {@code gc.alloc.rate.norm}
 * @param unit the unit of the values
 * @param median the median of the per-fork values
 * @param ciLow lower bound of the median's order-statistic CI
 * @param ciHigh upper bound of that CI
 * @param ciCoverage the CI's achieved coverage (0.969 for 6 forks)
 * @param forks how many forks the median is computed from
 * @param environment the environment in words (shard, CPU model, JVM), blank for rows written before it was kept
 */
public record HistoryRow(LocalDate date, String commit, String runId, String environmentId, String cell,
        String metric, String unit, double median, double ciLow, double ciHigh, double ciCoverage, int forks,
        String environment) {

    /** A row without the environment in words (only its id). */
    public HistoryRow(LocalDate date, String commit, String runId, String environmentId, String cell, String metric,
            String unit, double median, double ciLow, double ciHigh, double ciCoverage, int forks) {
        this(date, commit, runId, environmentId, cell, metric, unit, median, ciLow, ciHigh, ciCoverage, forks, "");
    }

    /** Blank, never null. */
    public HistoryRow {
        environment = environment == null ? "" : environment;
    }

    /** The series this row belongs to: one per cell and metric. */
    public String seriesKey() {
        return cell + " | " + metric;
    }

    /** Whether two nights' intervals share no value. */
    public boolean disjointFrom(HistoryRow other) {
        return ciHigh < other.ciLow || other.ciHigh < ciLow;
    }
}
