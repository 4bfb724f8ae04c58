package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.bench.IterationSplit;
import dev.mapbench.bench.IterationVisit;
import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.ThreadSplit;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the cells a run measures after the workload matrix: latency cells, then GC-sweep cells, then
 * iteration cells, in a stable order (shards and resumed runs rely on it), filtered by
 * {@code bench.include} and {@code bench.strategies} like the matrix.
 *
 * <p>Budget (2 cores): the default matrix takes about 12 of the default effort's 15 minutes on this loaded
 * machine, so a default-effort latency cell is 1 fork × (3 × 150 ms warmup, which C2 needs, + 3 × 200 ms
 * measured), about 2-3 s with the fork start, on the largest size with uniform keys, at the sweep's
 * thread counts above one (a single thread has no one to contend with; full effort keeps it): 7 thread
 * splits at 2 and 4 threads × 6 strategies = 42 cells, about 2 minutes. Full runs every thread count,
 * size and distribution with 2 forks of 5 × 500 ms. The GC sweep reuses the matrix's timing on a
 * slice: the allocation-heavy strategies at 100, 95 and 50 % reads, every size, uniform keys, at the
 * largest thread count that does not oversubscribe; that is 36 cells for three collectors at default
 * effort, about a minute.
 *
 * <p>Iteration cells ({@link IterationCell}) walk the map while others write it. Default effort: the
 * must-know case, 10 000 entries, 1 iterator + 1 writer, every safe strategy, both visits (consume and
 * JSON), 2 forks (no walk verdict rests on one fork) of 2 × 150 ms warmup + 3 × 300 ms measured: 12 cells
 * of about 3.7 s planned, 45 s. Full effort: 100, 10 000 and 100 000 entries, three
 * splits (1 iterator + 1 writer; 1 iterator + 2 readers + 1 writer; 2 iterators + 2 writers) as far as
 * the run's largest thread count allows, 2 forks of 3 × 300 ms + 5 × 500 ms. Smoke: one cell (the first
 * safe strategy, JSON, 100 entries, 1 + 1), about 1.3 s, so the pipeline check covers the benchmark,
 * its profiler and the report's section.
 */
public final class ExtraCells {

    /** The strategies whose allocation makes the collector matter. */
    static final List<MapStrategy> GC_SWEEP_STRATEGIES = List.of(MapStrategy.COPY_ON_WRITE, MapStrategy.WRAPPER_LAYER);
    /** Read shares of the GC sweep: read-only (the wrapper's per-read garbage), read-mostly, write-heavy. */
    static final List<Integer> GC_SWEEP_READ_PERCENTS = List.of(100, 95, 50);

    private ExtraCells() {
    }

    /** Every extra cell the settings ask for, in run order. */
    public static List<ExtraCell> plan(BenchSettings settings, DeepSettings deep, int cores) {
        List<ExtraCell> cells = new ArrayList<>();
        if (deep.latency()) {
            cells.addAll(latencyCells(settings));
            cells.addAll(roleLatencyCells(settings, cores));
        }
        cells.addAll(gcSweepCells(settings, deep, cores));
        if (deep.iteration()) {
            cells.addAll(iterationCells(settings));
        }
        if (settings.include() == null) {
            return cells;
        }
        return cells.stream().filter(cell -> settings.include().matcher(cell.id()).find()).toList();
    }

    static CellTiming latencyTiming(Effort effort) {
        return switch (effort) {
            case SMOKE -> new CellTiming(1, 1, 200, 2, 200);
            case DEFAULT -> new CellTiming(1, 3, 150, 3, 200);
            case FULL -> new CellTiming(2, 2, 300, 5, 500);
        };
    }

    static List<LatencyCell> latencyCells(BenchSettings settings) {
        Effort effort = settings.effort();
        List<Integer> sizes = effort == Effort.FULL ? effort.sizes() : List.of(effort.sizes().get(effort.sizes().size() - 1));
        List<KeyDistribution> distributions = effort == Effort.FULL ? effort.distributions() : List.of(KeyDistribution.UNIFORM);
        CellTiming timing = latencyTiming(effort);
        List<Integer> threadCounts = latencyThreads(effort, settings.threads());
        List<LatencyCell> cells = new ArrayList<>();
        for (int threads : threadCounts) {
            for (int size : sizes) {
                for (KeyDistribution distribution : distributions) {
                    for (Strategy strategy : settings.strategies()) {
                        if (!strategy.threadSafe()) {
                            continue;
                        }
                        for (ThreadSplit split : ThreadSplit.distinct(threads, Matrix.READ_PERCENTS)) {
                            cells.add(new LatencyCell(strategy, split, size, distribution, timing));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /**
     * Each role's latency in the named workloads with roles: one cell per thread-safe strategy and thread count the
     * latency cells run ({@link #latencyThreads}) that the run measures the workload at and that does not
     * oversubscribe the cores (a role's tail on more threads than cores is the scheduler's), before
     * {@code bench.include}.
     */
    static List<RoleLatencyCell> roleLatencyCells(BenchSettings settings, int cores) {
        List<Integer> threads = latencyThreads(settings.effort(), settings.threads()).stream()
                .filter(count -> count <= cores).toList();
        CellTiming timing = latencyTiming(settings.effort());
        return settings.unselectedMatrix().stream()
                .filter(cell -> cell.isNamed() && cell.named().hasRoles() && cell.strategy().threadSafe()
                        && threads.contains(cell.threads()))
                .map(cell -> new RoleLatencyCell(cell.strategy(), cell.named(), cell.workloadParameter(), cell.threads(),
                        timing))
                .toList();
    }

    /** Full effort: every thread count; otherwise those above one, unless one is all the run has. */
    static List<Integer> latencyThreads(Effort effort, List<Integer> threads) {
        List<Integer> contended = threads.stream().filter(t -> t > 1).toList();
        return effort == Effort.FULL || contended.isEmpty() ? threads : contended;
    }

    static List<GcSweepCell> gcSweepCells(BenchSettings settings, DeepSettings deep, int cores) {
        List<GcSweepCell> cells = new ArrayList<>();
        if (deep.gcs().isEmpty()) {
            return cells;
        }
        int threads = settings.threads().stream().filter(t -> t <= cores).mapToInt(Integer::intValue).max()
                .orElse(settings.threads().stream().mapToInt(Integer::intValue).min().orElseThrow());
        CellTiming timing = settings.matrixTiming();
        for (GarbageCollector gc : deep.gcs()) {
            for (MapStrategy strategy : GC_SWEEP_STRATEGIES) {
                if (!settings.strategies().contains(strategy)) {
                    continue;
                }
                for (int size : settings.effort().sizes()) {
                    for (int readPercent : GC_SWEEP_READ_PERCENTS) {
                        cells.add(new GcSweepCell(gc, strategy, readPercent, size, KeyDistribution.UNIFORM, threads,
                                timing, deep.gcChurn()));
                    }
                }
            }
        }
        return cells;
    }

    /** The split every effort measures: one walk racing one writer, nothing else on the cores. */
    static final IterationSplit ITERATION_BASE_SPLIT = new IterationSplit(1, 0, 1);

    static CellTiming iterationTiming(Effort effort) {
        return switch (effort) {
            case SMOKE -> new CellTiming(1, 1, 200, 2, 200);
            // two forks: a walk verdict, like any other, rests on at least two forks a side; warm-up 2 x 150 ms,
            // past the 200 ms after which the warm-up curves of iteration cells were flat (docs/measurements.md)
            case DEFAULT -> new CellTiming(2, 2, 150, 3, 300);
            case FULL -> new CellTiming(2, 3, 300, 5, 500);
        };
    }

    /** Map sizes of the iteration cells; not the matrix's: the cost of a walk is what grows with size. */
    static List<Integer> iterationSizes(Effort effort) {
        return switch (effort) {
            case SMOKE -> List.of(100);
            case DEFAULT -> List.of(10_000);
            case FULL -> List.of(100, 10_000, 100_000);
        };
    }

    /** Thread splits of the iteration cells; full effort adds readers and a second iterator and writer. */
    static List<IterationSplit> iterationSplits(Effort effort, List<Integer> threads) {
        if (effort != Effort.FULL) {
            return List.of(ITERATION_BASE_SPLIT);
        }
        int most = Math.max(ITERATION_BASE_SPLIT.threads(), threads.stream().mapToInt(Integer::intValue).max().orElse(0));
        return List.of(ITERATION_BASE_SPLIT, new IterationSplit(1, 2, 1), new IterationSplit(2, 0, 2)).stream()
                .filter(split -> split.threads() <= most).toList();
    }

    static List<IterationCell> iterationCells(BenchSettings settings) {
        Effort effort = settings.effort();
        List<MapStrategy> strategies = MapStrategy.safeStrategies().stream().filter(settings.strategies()::contains)
                .toList();
        CellTiming timing = iterationTiming(effort);
        List<IterationCell> cells = new ArrayList<>();
        if (effort == Effort.SMOKE) {
            strategies.stream().findFirst().ifPresent(strategy -> cells.add(new IterationCell(strategy,
                    IterationVisit.JSON, iterationSizes(effort).get(0), ITERATION_BASE_SPLIT, timing)));
            return cells;
        }
        for (IterationSplit split : iterationSplits(effort, settings.threads())) {
            for (int size : iterationSizes(effort)) {
                for (IterationVisit visit : IterationVisit.values()) {
                    for (MapStrategy strategy : strategies) {
                        cells.add(new IterationCell(strategy, visit, size, split, timing));
                    }
                }
            }
        }
        return cells;
    }
}
