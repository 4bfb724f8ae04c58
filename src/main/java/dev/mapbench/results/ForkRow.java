package dev.mapbench.results;

import java.time.Instant;

/**
 * One measured fork and why it ran: a row of a run folder's {@code forks.csv} ({@link ForksCsv}).
 *
 * @param order the fork's place in the run (1 = first fork measured)
 * @param cellId the cell's id
 * @param fork the fork's number within its cell (1-based)
 * @param round the round it ran in (1 = the first fork of every cell)
 * @param reason why the cell got this fork
 * @param startedAt when it started
 * @param seconds its wall time, JVM start included
 * @param score the fork's primary score as JMH gives it (mean of all its measured iterations)
 * @param unit the score's unit
 * @param value the fork's value for verdicts: the mean of its steady measured iterations
 *     ({@link dev.mapbench.stats.SteadyState}); the score when the fork was steady throughout, and in files
 *     written before steady-state values
 * @param steadyFrom how many leading measured iterations were still trending (0: steady throughout, and in files
 *     written before steady-state values)
 * @param warmupIterations the warm-up iterations the fork ran (longer than the plan after an unsteady fork); -1
 *     when the file does not record it
 * @param status how the fork ended: measured, or timed out / corrupted (then score and value are NaN and the cell
 *     is never ranked); measured in files written before the column
 * @param detail what a fork that did not measure met, one line (the limit it outlived, the state check's
 *     evidence); blank for a measured fork
 */
public record ForkRow(int order, String cellId, int fork, int round, String reason, Instant startedAt, double seconds,
        double score, String unit, double value, int steadyFrom, int warmupIterations, ForkStatus status,
        String detail) {

    /** Blank detail rather than null. */
    public ForkRow {
        detail = detail == null ? "" : detail;
    }

    /** A measured fork. */
    public ForkRow(int order, String cellId, int fork, int round, String reason, Instant startedAt, double seconds,
            double score, String unit, double value, int steadyFrom, int warmupIterations) {
        this(order, cellId, fork, round, reason, startedAt, seconds, score, unit, value, steadyFrom, warmupIterations,
                ForkStatus.MEASURED, "");
    }

    /** A fork that ended without numbers that stand ({@code status} not measured). */
    public static ForkRow unmeasured(int order, String cellId, int fork, int round, String reason, Instant startedAt,
            double seconds, int warmupIterations, ForkStatus status, String detail) {
        return new ForkRow(order, cellId, fork, round, reason, startedAt, seconds, Double.NaN, "", Double.NaN, 0,
                warmupIterations, status, detail);
    }

    /** Whether the fork's numbers stand. */
    public boolean measured() {
        return status.measured();
    }

    /** Whether the fork's first measured iterations still trended. */
    public boolean unsteady() {
        return steadyFrom > 0;
    }

    /** The same fork at another place in the run's order (shard merges renumber). */
    public ForkRow withOrder(int otherOrder) {
        return new ForkRow(otherOrder, cellId, fork, round, reason, startedAt, seconds, score, unit, value, steadyFrom,
                warmupIterations, status, detail);
    }
}
