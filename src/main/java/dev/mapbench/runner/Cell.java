package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the matrix: one JMH benchmark with one value per parameter and one thread count.
 *
 * @param strategy for a workload cell, the strategy (a constant or a plug-in); for a calibration cell, null (bare {@code HashMap.get})
 *     or {@link MapStrategy#CONCURRENT_HASHMAP} (bare {@code ConcurrentHashMap.get})
 * @param readPercent 100 for a calibration cell
 * @param calibration whether the cell runs {@link CalibrationBenchmark} instead of the workload
 */
public record Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads,
        boolean calibration) {

    public Cell {
        if (calibration && strategy != null && strategy != MapStrategy.CONCURRENT_HASHMAP) {
            throw new IllegalArgumentException("no calibration benchmark for " + strategy);
        }
        if (!calibration && strategy == null) {
            throw new IllegalArgumentException("a workload cell needs a strategy");
        }
    }

    /** A workload cell. */
    public Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads) {
        this(strategy, readPercent, size, keyDistribution, threads, false);
    }

    /** The calibration cell (bare HashMap get) for one size and distribution, single-threaded. */
    public static Cell calibration(int size, KeyDistribution keyDistribution) {
        return new Cell(null, 100, size, keyDistribution, 1, true);
    }

    /** The bare ConcurrentHashMap get for one size and distribution, single-threaded: splits the calibration ratio. */
    public static Cell concurrentHashMapCalibration(int size, KeyDistribution keyDistribution) {
        return new Cell(MapStrategy.CONCURRENT_HASHMAP, 100, size, keyDistribution, 1, true);
    }

    public boolean isCalibration() {
        return calibration;
    }

    /** The cell's name ({@link CellId}), independent of where it sits in the matrix. */
    public CellId cellId() {
        if (calibration) {
            return new CellId.Calibration(strategy != null, size, keyDistribution.name(), threads);
        }
        return new CellId.Workload(strategy.name(), workload());
    }

    /**
     * Stable name of the cell, e.g. {@code COPY_ON_WRITE-r95-s100-UNIFORM-t2}, {@code CALIBRATION-s100-UNIFORM-t1}
     * (bare HashMap) or {@code CALIBRATION_CHM-s100-UNIFORM-t1} (bare ConcurrentHashMap).
     */
    public String id() {
        return cellId().id();
    }

    /** The workload a workload cell measures (what sharding keeps on one machine); null for a calibration cell. */
    public WorkloadId workload() {
        return calibration ? null : new WorkloadId(readPercent, size, keyDistribution.name(), threads);
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
        if (!calibration) {
            return Benchmarks.WORKLOAD;
        }
        return strategy == null ? Benchmarks.CALIBRATION_HASH_MAP : Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP;
    }

    /** JMH {@code @Param} values of the cell. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!calibration) {
            params.put("strategy", strategy.name());
            params.put("readPercent", Integer.toString(readPercent));
        }
        params.put("size", Integer.toString(size));
        params.put("keyDistribution", keyDistribution.name());
        return params;
    }

    /**
     * JVM arguments this cell's forks need beyond the run's: {@code -Dbench.unsafe=<name>} for a plug-in
     * marked unsafe, so the benchmark's own guard knows it and refuses any write (the fork resolves the
     * strategy from its name alone).
     */
    public List<String> forkArguments() {
        if (strategy == null || strategy.threadSafe() || strategy.group() != StrategyGroup.PLUGIN) {
            return List.of();
        }
        return List.of("-D" + Strategies.UNSAFE_PROPERTY + "=" + strategy.name());
    }

    /** One JMH run of this cell with {@code timing}: its benchmark, params, threads, {@code -prof gc}, the run's heap and its own guard. */
    public ForkSpec forkSpec(CellTiming timing) {
        return new ForkSpec(benchmark(), params(), timing, threads, List.of(), List.of(ForkSpec.Profiler.GC),
                ForkSpec.BASE_JVM_ARGS, forkArguments());
    }

    /** Human-readable description for progress lines, with the oversubscription mark. */
    public String describe(int cores) {
        String subject = !calibration ? strategy + " read=" + readPercent + "%"
                : strategy == null ? "calibration HashMap.get" : "calibration ConcurrentHashMap.get";
        return subject + " size=" + size + " " + keyDistribution + " threads=" + threads
                + (oversubscribed(cores) ? " [OVERSUBSCRIBED: " + threads + " threads > " + cores + " cores]" : "");
    }
}
