package dev.mapbench.runner;

import dev.mapbench.bench.CalibrationBenchmark;
import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.MapWorkloadBenchmark;
import dev.mapbench.maps.MapStrategy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the matrix: one JMH benchmark with one value per parameter and one thread count.
 *
 * @param strategy null for the calibration cell
 * @param readPercent 100 for the calibration cell
 */
public record Cell(MapStrategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads) {

    /** The calibration cell (plain HashMap get) for one size and distribution, single-threaded. */
    public static Cell calibration(int size, KeyDistribution keyDistribution) {
        return new Cell(null, 100, size, keyDistribution, 1);
    }

    public boolean isCalibration() {
        return strategy == null;
    }

    /** Stable name of the cell, independent of where it sits in the matrix, e.g. {@code COPY_ON_WRITE-r95-s100-UNIFORM-t2}. */
    public String id() {
        String subject = isCalibration() ? "CALIBRATION" : strategy.name() + "-r" + readPercent;
        return subject + "-s" + size + "-" + keyDistribution + "-t" + threads;
    }

    /** Whether the cell runs more threads than the machine has cores. */
    public boolean oversubscribed(int cores) {
        return threads > cores;
    }

    /** File name under {@code cells/}: matrix index, id, and an oversubscription mark. */
    public String fileName(int index, int cores) {
        return String.format("%04d-%s%s.json", index, id(), oversubscribed(cores) ? "-oversubscribed" : "");
    }

    /** Fully qualified JMH benchmark method. */
    public String benchmark() {
        return isCalibration()
                ? CalibrationBenchmark.class.getName() + ".hashMapGet"
                : MapWorkloadBenchmark.class.getName() + ".operation";
    }

    /** JMH {@code @Param} values of the cell. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!isCalibration()) {
            params.put("strategy", strategy.name());
            params.put("readPercent", Integer.toString(readPercent));
        }
        params.put("size", Integer.toString(size));
        params.put("keyDistribution", keyDistribution.name());
        return params;
    }

    /** Human-readable description for progress lines, with the oversubscription mark. */
    public String describe(int cores) {
        String subject = isCalibration() ? "calibration HashMap.get" : strategy + " read=" + readPercent + "%";
        return subject + " size=" + size + " " + keyDistribution + " threads=" + threads
                + (oversubscribed(cores) ? " [OVERSUBSCRIBED: " + threads + " threads > " + cores + " cores]" : "");
    }
}
