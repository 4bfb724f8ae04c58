package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the ordered list of cells a run measures.
 *
 * <p>Order is stable and documented, because shards (split by workload, see {@link Shard}) and resumed
 * runs depend on it: calibration cells
 * first (per size, distribution: bare HashMap, then bare ConcurrentHashMap), then by thread count, size, distribution, strategy (registry order),
 * read percent (100, 95, 75, 50, 0). {@link MapStrategy#UNSYNCHRONIZED_HASHMAP} and every other
 * strategy that is not thread-safe (a plug-in marked {@code bench.unsafe}) get only 100 %-read cells.
 */
public final class Matrix {

    /** The read percentages of the workload, most reads first. */
    public static final List<Integer> READ_PERCENTS = List.of(100, 95, 75, 50, 0);

    private Matrix() {
    }

    /** A named workload a run measures, with the parameter its cells pass the benchmark. */
    public record NamedWorkload(WorkloadSpec spec, String parameter) {
    }

    /** Every grid cell (remove + insert writes) for these sizes, distributions, thread counts and strategies. */
    public static List<Cell> build(List<Integer> sizes, List<KeyDistribution> distributions, List<Integer> threads,
            List<Strategy> strategies) {
        return build(sizes, distributions, threads, strategies, List.of(GridWrites.REMOVE_INSERT), List.of());
    }

    /**
     * Every cell, in matrix order: calibration cells, then the grid (thread count, size, distribution, strategy,
     * read percent, writes; a read-only cell once, whatever the writes), then the named workloads (thread count,
     * workload, strategy), each at the run's thread counts that its roles can use and its own list allows. A
     * strategy that is not thread-safe gets only read-only cells.
     */
    public static List<Cell> build(List<Integer> sizes, List<KeyDistribution> distributions, List<Integer> threads,
            List<Strategy> strategies, List<GridWrites> writes, List<NamedWorkload> named) {
        return build(sizes, distributions, threads, strategies, writes, named, List.of());
    }

    /**
     * {@link #build(List, List, List, List, List, List)}, then the replayed traces (trace, its thread counts,
     * strategy); a strategy that is not thread-safe replays only a trace that does not write.
     */
    public static List<Cell> build(List<Integer> sizes, List<KeyDistribution> distributions, List<Integer> threads,
            List<Strategy> strategies, List<GridWrites> writes, List<NamedWorkload> named, List<TraceWorkload> traces) {
        List<Cell> cells = new ArrayList<>();
        for (int size : sizes) {
            for (KeyDistribution distribution : distributions) {
                cells.add(Cell.calibration(size, distribution));
                cells.add(Cell.concurrentHashMapCalibration(size, distribution));
            }
        }
        for (int threadCount : threads) {
            for (int size : sizes) {
                for (KeyDistribution distribution : distributions) {
                    for (Strategy strategy : strategies) {
                        for (int readPercent : READ_PERCENTS) {
                            for (GridWrites write : readPercent == 100 ? writes.subList(0, 1) : writes) {
                                if (strategy.threadSafe() || readPercent == 100) {
                                    cells.add(new Cell(strategy, readPercent, size, distribution, threadCount, write));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int threadCount : threads) {
            for (NamedWorkload workload : named) {
                WorkloadSpec spec = workload.spec();
                if (threadCount < spec.minimumThreads() || (!spec.threads().isEmpty() && !spec.threads().contains(threadCount))) {
                    continue;
                }
                for (Strategy strategy : strategies) {
                    if (strategy.threadSafe() || !spec.writes()) {
                        cells.add(Cell.named(strategy, spec, workload.parameter(), threadCount));
                    }
                }
            }
        }
        for (TraceWorkload trace : traces) {
            for (int threadCount : trace.threads()) {
                for (Strategy strategy : strategies) {
                    if (strategy.threadSafe() || trace.readOnly()) {
                        cells.add(Cell.trace(strategy, trace, threadCount));
                    }
                }
            }
        }
        return cells;
    }

    /** The cells whose id matches {@code include} (a regex searched in the id); null keeps all. */
    public static List<Cell> select(List<Cell> cells, Pattern include) {
        if (include == null) {
            return cells;
        }
        return cells.stream().filter(cell -> include.matcher(cell.id()).find()).toList();
    }

    /**
     * Positions (in {@code cells}) that belong to {@code shard}: every cell of the shard's workloads (all
     * strategies of one read percent, size, key distribution and thread count together) and every
     * calibration cell. Workloads are numbered in the order they first appear in {@code cells}.
     */
    public static List<Integer> positionsOf(List<Cell> cells, Shard shard) {
        Map<String, Integer> workloads = new HashMap<>();
        List<Integer> positions = new ArrayList<>();
        for (int position = 0; position < cells.size(); position++) {
            Cell cell = cells.get(position);
            if (cell.isCalibration()) {
                positions.add(position);
                continue;
            }
            int workload = workloads.computeIfAbsent(cell.workloadKey(), key -> workloads.size());
            if (shard.containsWorkload(workload)) {
                positions.add(position);
            }
        }
        return positions;
    }
}
