package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapOperation;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.workload.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the matrix: one JMH benchmark with one value per parameter and one thread count. Three kinds:
 * a grid workload cell ({@code MapWorkloadBenchmark}: read share, size, keys, writes), a named workload cell
 * ({@code MapOperationBenchmark}: a preset or a workload file, {@code named}), and a calibration cell.
 *
 * @param strategy for a workload cell, the strategy (a constant or a plug-in); for a calibration cell, null (bare {@code HashMap.get})
 *     or {@link MapStrategy#CONCURRENT_HASHMAP} (bare {@code ConcurrentHashMap.get})
 * @param readPercent 100 for a calibration cell (for a named workload, its share of reads, for display only)
 * @param size entries in the map (a named workload's initial size)
 * @param keyDistribution the grid's key distribution (a named workload: UNIFORM, not used)
 * @param calibration whether the cell runs {@code CalibrationBenchmark} instead of the workload
 * @param writes what a grid cell's writes are
 * @param named the named workload the cell runs, or null for a grid or calibration cell
 * @param workloadParameter the benchmark's {@code workload} parameter: the preset's name, or the path of the
 *     workload file's copy in the run folder; null unless {@code named}
 * @param trace the trace the cell replays ({@code MapTraceBenchmark}), or null
 */
public record Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads,
        boolean calibration, GridWrites writes, WorkloadSpec named, String workloadParameter, TraceWorkload trace) {

    public Cell {
        if (calibration && strategy != null && strategy != MapStrategy.CONCURRENT_HASHMAP) {
            throw new IllegalArgumentException("no calibration benchmark for " + strategy);
        }
        if (!calibration && strategy == null) {
            throw new IllegalArgumentException("a workload cell needs a strategy");
        }
        // a read-only cell has no writes to speak of: one id, whatever the grid's writes are
        writes = writes == null || readPercent == 100 && named == null ? GridWrites.REMOVE_INSERT : writes;
        if ((named == null) != (workloadParameter == null)) {
            throw new IllegalArgumentException("a named workload cell needs its workload and its parameter");
        }
        if (trace != null && (named != null || calibration)) {
            throw new IllegalArgumentException("a trace cell replays its trace alone");
        }
    }

    /** A grid, named workload or calibration cell (no trace). */
    public Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads,
            boolean calibration, GridWrites writes, WorkloadSpec named, String workloadParameter) {
        this(strategy, readPercent, size, keyDistribution, threads, calibration, writes, named, workloadParameter, null);
    }

    /** A cell replaying {@code trace} at {@code threads} threads. */
    public static Cell trace(Strategy strategy, TraceWorkload trace, int threads) {
        return new Cell(strategy, trace.readPercent(), trace.profile().distinctKeys(), KeyDistribution.UNIFORM, threads,
                false, GridWrites.UPDATE, null, null, trace);
    }

    /** A grid workload cell whose writes are remove + insert. */
    public Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads) {
        this(strategy, readPercent, size, keyDistribution, threads, false, GridWrites.REMOVE_INSERT, null, null);
    }

    /** A grid workload cell. */
    public Cell(Strategy strategy, int readPercent, int size, KeyDistribution keyDistribution, int threads,
            GridWrites writes) {
        this(strategy, readPercent, size, keyDistribution, threads, false, writes, null, null);
    }

    /** A cell of a named workload at {@code threads} threads; {@code parameter} is what the benchmark resolves. */
    public static Cell named(Strategy strategy, WorkloadSpec spec, String parameter, int threads) {
        int reads = spec.hasRoles() ? 0 : spec.mix().getOrDefault(MapOperation.GET, 0);
        return new Cell(strategy, reads, spec.size(), KeyDistribution.UNIFORM, threads, false, GridWrites.UPDATE, spec,
                parameter);
    }

    /** The calibration cell (bare HashMap get) for one size and distribution, single-threaded. */
    public static Cell calibration(int size, KeyDistribution keyDistribution) {
        return new Cell(null, 100, size, keyDistribution, 1, true, GridWrites.REMOVE_INSERT, null, null);
    }

    /** The bare ConcurrentHashMap get for one size and distribution, single-threaded: splits the calibration ratio. */
    public static Cell concurrentHashMapCalibration(int size, KeyDistribution keyDistribution) {
        return new Cell(MapStrategy.CONCURRENT_HASHMAP, 100, size, keyDistribution, 1, true, GridWrites.REMOVE_INSERT,
                null, null);
    }

    /** Whether the cell runs a named workload (a preset or a workload file). */
    public boolean isNamed() {
        return named != null;
    }

    /** Whether the cell replays a trace. */
    public boolean isTrace() {
        return trace != null;
    }

    public boolean isCalibration() {
        return calibration;
    }

    /** The cell's name ({@link CellId}), independent of where it sits in the matrix. */
    public CellId cellId() {
        if (calibration) {
            return new CellId.Calibration(strategy != null, size, keyDistribution.name(), threads);
        }
        if (named != null) {
            return new CellId.Named(strategy.name(), named.name(), threads);
        }
        if (trace != null) {
            return new CellId.Named(strategy.name(), trace.name(), threads);
        }
        return new CellId.Workload(strategy.name(), workload());
    }

    /**
     * The workload this cell is compared under, as an id without the strategy ({@link CellId#workload()}): what a
     * verdict ranks and sharding keeps on one machine; null for a calibration cell.
     */
    public String workloadKey() {
        return calibration ? null : cellId().workload();
    }

    /**
     * Stable name of the cell, e.g. {@code COPY_ON_WRITE-r95-s100-UNIFORM-t2}, {@code CALIBRATION-s100-UNIFORM-t1}
     * (bare HashMap) or {@code CALIBRATION_CHM-s100-UNIFORM-t1} (bare ConcurrentHashMap).
     */
    public String id() {
        return cellId().id();
    }

    /** The grid workload a grid cell measures; null for a calibration or named workload cell. */
    public WorkloadId workload() {
        return calibration || named != null || trace != null ? null : new WorkloadId(readPercent, size, keyDistribution.name(), threads,
                writes);
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
        if (trace != null) {
            return Benchmarks.TRACE;
        }
        if (named != null) {
            return named.hasRoles() ? Benchmarks.OPERATION_ROLES : Benchmarks.OPERATION;
        }
        if (!calibration) {
            return Benchmarks.WORKLOAD;
        }
        return strategy == null ? Benchmarks.CALIBRATION_HASH_MAP : Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP;
    }

    /** JMH {@code @Param} values of the cell. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (trace != null) {
            params.put("strategy", strategy.name());
            params.put("trace", trace.file().toString());
            params.put("maxEvents", Long.toString(trace.maxEvents()));
            return params;
        }
        if (named != null) {
            params.put("strategy", strategy.name());
            params.put("workload", workloadParameter);
            return params;
        }
        if (!calibration) {
            params.put("strategy", strategy.name());
            params.put("readPercent", Integer.toString(readPercent));
        }
        params.put("size", Integer.toString(size));
        params.put("keyDistribution", keyDistribution.name());
        if (!calibration) {
            params.put("writes", writes.name());
        }
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
        List<Integer> groups = named != null && named.hasRoles() ? named.threadsPerRole(threads) : List.of();
        return new ForkSpec(benchmark(), params(), timing, threads, groups, List.of(ForkSpec.Profiler.GC),
                ForkSpec.BASE_JVM_ARGS, forkArguments());
    }

    /** Human-readable description for progress lines, with the oversubscription mark. */
    public String describe(int cores) {
        if (named != null || trace != null) {
            return strategy + " workload=" + (named != null ? named.name() : trace.name()) + " threads=" + threads
                    + (oversubscribed(cores) ? " [OVERSUBSCRIBED: " + threads + " threads > " + cores + " cores]" : "");
        }
        String subject = !calibration ? strategy + " read=" + readPercent + "%"
                + (writes == GridWrites.UPDATE && readPercent < 100 ? " updates" : "")
                : strategy == null ? "calibration HashMap.get" : "calibration ConcurrentHashMap.get";
        return subject + " size=" + size + " " + keyDistribution + " threads=" + threads
                + (oversubscribed(cores) ? " [OVERSUBSCRIBED: " + threads + " threads > " + cores + " cores]" : "");
    }
}
