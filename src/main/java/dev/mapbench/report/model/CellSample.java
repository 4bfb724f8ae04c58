package dev.mapbench.report.model;

import java.util.Arrays;

/**
 * One metric of one cell, as the comparison sees it: one value per fork (the mean of that fork's
 * measurement iterations), because iterations inside a fork are not independent.
 *
 * @param cell a readable identity of the cell: benchmark, mode, params and threads
 * @param strategy the group the per-strategy summary puts the cell in (the {@code strategy} param,
 *     or the benchmark's name when it has none)
 * @param metric {@code score} for the primary metric, or a secondary metric's name
 * @param unit the JMH unit, e.g. {@code ops/us} or {@code B/op}
 * @param threads the cell's thread count (for the oversubscription check)
 * @param forkValues one value per fork
 * @param environmentId the short id of the machine and JVM that measured the cell
 *     (derived from env.json by {@code compare.RunSideReader}), {@code unknown} without an env.json
 * @param origin where the cell came from, for the reader: its shard, CPU model and JVM
 */
public record CellSample(String cell, String strategy, String metric, String unit, int threads,
        double[] forkValues, String environmentId, String origin) {

    /** The primary metric's name in {@link #metric}. */
    public static final String PRIMARY = "score";
    /** The environment id of a sample whose environment nobody recorded. */
    public static final String UNKNOWN_ENVIRONMENT = "unknown";

    /** A sample whose environment is not known (synthetic data, a bare JMH JSON file). */
    public CellSample(String cell, String strategy, String metric, String unit, int threads, double[] forkValues) {
        this(cell, strategy, metric, unit, threads, forkValues, UNKNOWN_ENVIRONMENT, "");
    }

    /** Copies the values so a sample cannot change after it is built. */
    public CellSample {
        forkValues = forkValues.clone();
        environmentId = environmentId == null || environmentId.isBlank() ? UNKNOWN_ENVIRONMENT : environmentId;
        origin = origin == null ? "" : origin;
    }

    /** The same sample under another name, e.g. a calibration cell tagged with its shard. */
    public CellSample renamed(String newCell) {
        return new CellSample(newCell, strategy, metric, unit, threads, forkValues, environmentId, origin);
    }

    /** Whether both samples say which machine measured them and it was not the same one. */
    public boolean fromAnotherMachineThan(CellSample other) {
        return !UNKNOWN_ENVIRONMENT.equals(environmentId) && !UNKNOWN_ENVIRONMENT.equals(other.environmentId)
                && !environmentId.equals(other.environmentId);
    }

    /** What pairs a baseline sample with a candidate sample. */
    public String key() {
        return cell + " | " + metric;
    }

    /** Whether this is the cell's primary metric (the score). */
    public boolean primary() {
        return PRIMARY.equals(metric);
    }

    @Override
    public double[] forkValues() {
        return forkValues.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellSample that && key().equals(that.key()) && unit.equals(that.unit)
                && threads == that.threads && strategy.equals(that.strategy)
                && Arrays.equals(forkValues, that.forkValues);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + Arrays.hashCode(forkValues);
    }

    @Override
    public String toString() {
        return key() + " " + Arrays.toString(forkValues) + " " + unit;
    }
}
