package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Calibration;
import dev.mapbench.report.model.ChartGroup;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.CellInterval;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mapbench charts: throughput against threads per read ratio, allocation per
 * operation and per write, GC, latency percentiles, cost against map size. Every chart is a
 * {@link ChartSpec} drawn by the chart format.
 */
public final class MapbenchCharts {

    private static final String ERRORS = "error bars: JMH 99.9 % confidence interval";
    /** What the throughput charts' error bars are: the interval the verdicts rest on, between forks. */
    private static final String FORK_ERRORS = "geometric mean of fork values; error bars: 95 % fork-level interval";
    private static final String OVERSUBSCRIBED = "threads > cores (oversubscribed)";

    private final CoreCount cores;
    private final Map<BenchmarkCell, CellInterval> intervals;
    private boolean severalMethods;

    /**
     * Charts whose shaded regions use {@code cores}; throughput points are each cell's fork-level estimate and
     * interval from {@code intervals} (keyed by identity), the ones the verdicts rest on.
     */
    public MapbenchCharts(CoreCount cores, Map<BenchmarkCell, CellInterval> intervals) {
        this.cores = cores;
        this.intervals = intervals;
    }

    /** All mapbench chart groups for the workload cells among {@code cells} (empty if none). */
    public List<ChartGroup> build(List<BenchmarkCell> cells) {
        List<BenchmarkCell> workload = cells.stream().filter(BenchmarkCell::isWorkloadCell).toList();
        severalMethods = workload.stream().map(BenchmarkCell::benchmark).distinct().count() > 1;
        List<ChartGroup> groups = new ArrayList<>();
        List<BenchmarkCell> throughput = workload.stream().filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT).toList();
        if (!throughput.isEmpty()) {
            groups.add(new ChartGroup("Throughput against threads",
                    "One chart per read ratio, map size and key distribution; one line per strategy. "
                            + "The shaded region has more threads than the machine has cores.",
                    throughputAgainstThreads(throughput)));
            groups.add(new ChartGroup("Cost against map size",
                    "Single-thread throughput as the map grows; one chart per read ratio and key distribution.",
                    costAgainstSize(throughput)));
        }
        List<ChartSpec> allocation = allocationCharts(workload);
        if (!allocation.isEmpty()) {
            groups.add(new ChartGroup("Allocation and GC",
                    "Bytes per operation (gc.alloc.rate.norm), bytes per write (the 0 % read cell, where every "
                            + "operation writes), GC count and GC time (missing gc.time means no collection: drawn as 0), "
                            + "at the largest thread count that is not oversubscribed; against map size when several "
                            + "sizes were measured, else against the read ratio.", allocation));
        }
        List<ChartSpec> latency = latencyCharts(workload.stream().filter(cell -> cell.mode() == BenchmarkMode.SAMPLE_TIME).toList());
        if (!latency.isEmpty()) {
            groups.add(new ChartGroup("Latency percentiles", "SampleTime percentiles; JMH gives no error for them.", latency));
        }
        List<BenchmarkCell> named = cells.stream().filter(cell -> cell.isComparedCell() && !cell.isWorkloadCell())
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT).toList();
        if (!named.isEmpty()) {
            groups.add(new ChartGroup("Named workloads: throughput against threads",
                    "One chart per named workload (a preset or a workload file); one line per strategy. "
                            + "The shaded region has more threads than the machine has cores.", namedCharts(named)));
        }
        List<Calibration> calibrations = CalibrationAnalysis.findAll(cells);
        if (!calibrations.isEmpty()) {
            groups.add(new ChartGroup("Calibration: harness overhead",
                    "The workload benchmark (ConcurrentHashMap, 100 % read, 1 thread) against a bare HashMap.get and a "
                            + "bare ConcurrentHashMap.get on the same keys, per map size and key distribution.",
                    List.of(calibrationChart(calibrations))));
        }
        return groups;
    }

    private static ChartSpec calibrationChart(List<Calibration> calibrations) {
        List<ChartSpec.Point> hashMap = new ArrayList<>();
        List<ChartSpec.Point> bareConcurrent = new ArrayList<>();
        List<ChartSpec.Point> workload = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int x = 0; x < calibrations.size(); x++) {
            Calibration calibration = calibrations.get(x);
            categories.add(calibration.describe());
            hashMap.add(calibrationPoint(x, calibration.calibration()));
            int position = x;
            calibration.bareConcurrent().ifPresent(cell -> bareConcurrent.add(calibrationPoint(position, cell)));
            workload.add(calibrationPoint(x, calibration.workload()));
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        series.add(new ChartSpec.Series("bare HashMap.get (CalibrationBenchmark.hashMapGet)", hashMap));
        if (!bareConcurrent.isEmpty()) {
            series.add(new ChartSpec.Series("bare ConcurrentHashMap.get (CalibrationBenchmark.concurrentHashMapGet)",
                    bareConcurrent));
        }
        series.add(new ChartSpec.Series("workload, CONCURRENT_HASHMAP 100 % read, 1 thread", workload));
        return new ChartSpec("calibration", "Harness overhead: workload against bare lookups", ERRORS, "",
                "throughput (ops/us)", ChartSpec.XScale.CATEGORY, categories, series, OptionalDouble.empty(), "");
    }

    private static ChartSpec.Point calibrationPoint(int x, BenchmarkCell cell) {
        return ChartSpec.Point.withError(x, CalibrationAnalysis.opsPerMicrosecond(cell).orElse(Double.NaN),
                CalibrationAnalysis.errorOpsPerMicrosecond(cell));
    }

    private List<ChartSpec> throughputAgainstThreads(List<BenchmarkCell> cells) {
        List<ChartSpec> charts = new ArrayList<>();
        byWorkload(cells, cell -> key(cell, true, true, true)).forEach((key, group) -> {
            WorkloadId first = group.get(0).workload().orElseThrow();
            int maxCores = group.stream().mapToInt(cores::coresFor).max().orElse(1);
            charts.add(new ChartSpec(id("throughput", key, group.get(0)), "Throughput, " + first.readPercent() + " % read",
                    "size " + first.size() + ", " + first.keyDistribution() + "; " + FORK_ERRORS,
                    "threads", unitLabel("throughput", group), ChartSpec.XScale.LINEAR, List.of(),
                    SeriesBuilder.points(group, this::strategyLabel, MapbenchCharts::strategy, BenchmarkCell::threads,
                            this::forkLevel),
                    OptionalDouble.of(maxCores + 0.5), OVERSUBSCRIBED));
        });
        return charts;
    }

    private List<ChartSpec> namedCharts(List<BenchmarkCell> cells) {
        Map<String, List<BenchmarkCell>> byName = cells.stream().collect(Collectors.groupingBy(
                cell -> cell.comparedWorkload().orElseThrow().name(), TreeMap::new, Collectors.toList()));
        List<ChartSpec> charts = new ArrayList<>();
        byName.forEach((name, group) -> {
            int maxCores = group.stream().mapToInt(cores::coresFor).max().orElse(1);
            charts.add(new ChartSpec(SeriesBuilder.id("named", name), "Throughput, " + name,
                    "named workload " + name + "; " + FORK_ERRORS, "threads", unitLabel("throughput", group),
                    ChartSpec.XScale.LINEAR, List.of(), SeriesBuilder.points(group, MapbenchCharts::namedLabel,
                            MapbenchCharts::strategy, BenchmarkCell::threads, this::forkLevel),
                    OptionalDouble.of(maxCores + 0.5), OVERSUBSCRIBED));
        });
        return charts;
    }

    private static String namedLabel(BenchmarkCell cell) {
        String strategy = strategy(cell);
        return VerdictAnalysis.isThreadSafe(strategy) ? strategy : strategy + " (not thread-safe)";
    }

    private List<ChartSpec> costAgainstSize(List<BenchmarkCell> cells) {
        List<BenchmarkCell> singleThread = cells.stream().filter(cell -> cell.threads() == 1).toList();
        List<ChartSpec> charts = new ArrayList<>();
        byWorkload(singleThread, cell -> key(cell, true, false, true)).forEach((key, group) -> {
            if (group.stream().map(cell -> cell.params().get("size")).distinct().count() < 2) {
                return;
            }
            WorkloadId first = group.get(0).workload().orElseThrow();
            charts.add(new ChartSpec(id("size", key, group.get(0)), "Cost against size, " + first.readPercent() + " % read",
                    "1 thread, " + first.keyDistribution() + "; " + FORK_ERRORS, "map size (log scale)",
                    unitLabel("throughput", group), ChartSpec.XScale.LOG, List.of(),
                    SeriesBuilder.points(group, this::strategyLabel, MapbenchCharts::strategy,
                            cell -> cell.workload().orElseThrow().size(), this::forkLevel),
                    OptionalDouble.empty(), ""));
        });
        return charts;
    }

    private List<ChartSpec> allocationCharts(List<BenchmarkCell> workload) {
        List<BenchmarkCell> atContention = atLargestFairThreadCount(workload.stream()
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT)
                .filter(cell -> cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).isPresent()).toList());
        List<ChartSpec> charts = new ArrayList<>();
        // Copying strategies allocate in proportion to the map: with several sizes measured, draw
        // allocation and GC against size (one chart per read ratio), else against the read ratio.
        boolean bySize = atContention.stream().map(cell -> cell.params().get("size")).distinct().count() >= 2;
        byWorkload(atContention, cell -> key(cell, bySize, !bySize, true)).forEach((key, group) -> {
            WorkloadId first = group.get(0).workload().orElseThrow();
            String fixed = (bySize ? first.readPercent() + " % read" : "size " + first.size()) + ", "
                    + first.keyDistribution() + ", " + threadsLabel(group);
            charts.add(allocationChart(bySize, id("alloc-op", key, group.get(0)), "Allocation per operation",
                    fixed + "; " + ERRORS, "B/op", group, cell -> cell.secondary(BenchmarkCell.ALLOCATION_PER_OP)));
            charts.add(allocationChart(bySize, id("gc-count", key, group.get(0)), "GC count", fixed,
                    "collections during measurement", group, cell -> gcMetric(cell, BenchmarkCell.GC_COUNT)));
            charts.add(allocationChart(bySize, id("gc-time", key, group.get(0)), "GC time", fixed,
                    "ms during measurement", group, cell -> gcMetric(cell, BenchmarkCell.GC_TIME)));
        });
        List<BenchmarkCell> writesOnly = atContention.stream()
                .filter(cell -> cell.workload().orElseThrow().readPercent() == 0).toList();
        groupBy(writesOnly, cell -> cell.params().getOrDefault("keyDistribution", "")).forEach((distribution, group) -> {
            List<ChartSpec.Series> series = SeriesBuilder.lines(group, this::strategyLabel, MapbenchCharts::strategy,
                    cell -> cell.workload().orElseThrow().size(), cell -> cell.secondary(BenchmarkCell.ALLOCATION_PER_OP));
            charts.add(new ChartSpec(SeriesBuilder.id("alloc-write", distribution), "Allocation per write",
                    "0 % read (every operation writes), " + distribution + ", " + threadsLabel(group) + "; " + ERRORS,
                    "map size (log scale)", "B/write", ChartSpec.XScale.LOG, List.of(), series,
                    OptionalDouble.empty(), ""));
        });
        return charts;
    }

    private ChartSpec allocationChart(boolean bySize, String id, String title, String subtitle, String yLabel,
            List<BenchmarkCell> cells, Function<BenchmarkCell, Optional<Metric>> metric) {
        Function<BenchmarkCell, WorkloadId> workload = cell -> cell.workload().orElseThrow();
        List<ChartSpec.Series> series = SeriesBuilder.lines(cells, this::strategyLabel, MapbenchCharts::strategy,
                cell -> bySize ? workload.apply(cell).size() : workload.apply(cell).readPercent(), metric);
        return new ChartSpec(id, title, subtitle, bySize ? "map size (log scale)" : "read %", yLabel,
                bySize ? ChartSpec.XScale.LOG : ChartSpec.XScale.LINEAR, List.of(), series,
                OptionalDouble.empty(), "");
    }

    private List<ChartSpec> latencyCharts(List<BenchmarkCell> sampled) {
        List<ChartSpec> charts = new ArrayList<>();
        byWorkload(atLargestFairThreadCount(sampled), cell -> key(cell, true, true, true)).forEach((key, group) -> {
            WorkloadId first = group.get(0).workload().orElseThrow();
            List<ChartSpec.Series> series = group.stream()
                    .map(cell -> new ChartSpec.Series(strategyLabel(cell), SeriesBuilder.percentilePoints(cell.primary()),
                            strategy(cell), false))
                    .toList();
            charts.add(new ChartSpec(id("latency", key, group.get(0)), "Latency, " + first.readPercent() + " % read",
                    first.describe() + (group.stream().anyMatch(cores::oversubscribed) ? " (oversubscribed)" : ""), "percentile", "latency (" + group.get(0).primary().unit() + ")",
                    ChartSpec.XScale.CATEGORY, SeriesBuilder.PERCENTILE_LABELS, series, OptionalDouble.empty(), "", true));
        });
        return charts;
    }

    /** A throughput point at the cell's fork-level estimate with its interval; none without usable forks. */
    private Optional<ChartSpec.Point> forkLevel(BenchmarkCell cell, double x) {
        CellInterval interval = intervals.get(cell);
        if (interval == null || !Double.isFinite(interval.estimate())) {
            return Optional.empty();
        }
        return Optional.of(new ChartSpec.Point(x, interval.estimate(), interval.low(), interval.high()));
    }

    /** gc.count / gc.time: when -prof gc ran (alloc rate present) a missing value means no GC, so 0. */
    private static Optional<Metric> gcMetric(BenchmarkCell cell, String name) {
        Optional<Metric> metric = cell.secondary(name);
        if (metric.isPresent() || cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).isEmpty()) {
            return metric;
        }
        return Optional.of(Metric.of(0, Double.NaN, ""));
    }

    /** Cells at the largest thread count no cell of which is oversubscribed (else the smallest). */
    private List<BenchmarkCell> atLargestFairThreadCount(List<BenchmarkCell> cells) {
        Map<Integer, List<BenchmarkCell>> byThreads = groupBy(cells, BenchmarkCell::threads);
        int chosen = byThreads.entrySet().stream()
                .filter(entry -> entry.getValue().stream().noneMatch(cores::oversubscribed))
                .mapToInt(Map.Entry::getKey).max()
                .orElse(byThreads.keySet().stream().mapToInt(Integer::intValue).min().orElse(1));
        return byThreads.getOrDefault(chosen, List.of());
    }

    /** "4 threads", marked when the cells ran more threads than cores (no smaller count was measured). */
    private String threadsLabel(List<BenchmarkCell> cells) {
        int threads = cells.get(0).threads();
        return threads + (threads == 1 ? " thread" : " threads")
                + (cells.stream().anyMatch(cores::oversubscribed) ? " (oversubscribed)" : "");
    }

    private static String strategy(BenchmarkCell cell) {
        return cell.params().get(Benchmarks.STRATEGY_PARAM);
    }

    /** The strategy, marked when not thread-safe, and the benchmark method when the workload has several. */
    private String strategyLabel(BenchmarkCell cell) {
        String strategy = cell.params().get(Benchmarks.STRATEGY_PARAM);
        String label = VerdictAnalysis.isThreadSafe(strategy) ? strategy : strategy + " (not thread-safe)";
        return severalMethods ? label + " · " + cell.methodName() : label;
    }

    /** The workload dimensions a chart holds fixed (-1, 0 or "" for those it spans). */
    private record ChartKey(int readPercent, long size, String keyDistribution) {
        /** As the verdict table orders workloads: distribution, size, read share descending. */
        static final java.util.Comparator<ChartKey> ORDER = java.util.Comparator.comparing(ChartKey::keyDistribution)
                .thenComparingLong(ChartKey::size)
                .thenComparing(java.util.Comparator.comparingInt(ChartKey::readPercent).reversed());
    }

    /** The chart a cell belongs to: its workload with the dimensions the chart spans zeroed out. */
    private static ChartKey key(BenchmarkCell cell, boolean readPercent, boolean size, boolean distribution) {
        WorkloadId workload = cell.workload().orElseThrow();
        return new ChartKey(readPercent ? workload.readPercent() : -1, size ? workload.size() : 0,
                distribution ? workload.keyDistribution() : "");
    }

    private static String id(String prefix, ChartKey key, BenchmarkCell cell) {
        return SeriesBuilder.id(prefix, key.readPercent() >= 0 ? "r" + key.readPercent() : "",
                key.size() > 0 ? "s" + key.size() : "", key.keyDistribution(), cell.mode().label());
    }

    private static String unitLabel(String quantity, List<BenchmarkCell> cells) {
        return quantity + " (" + cells.get(0).primary().unit() + ")";
    }

    private static <K extends Comparable<K>> Map<K, List<BenchmarkCell>> groupBy(List<BenchmarkCell> cells,
            Function<BenchmarkCell, K> key) {
        return cells.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static Map<ChartKey, List<BenchmarkCell>> byWorkload(List<BenchmarkCell> cells, Function<BenchmarkCell, ChartKey> key) {
        return cells.stream().collect(Collectors.groupingBy(key, () -> new TreeMap<>(ChartKey.ORDER), Collectors.toList()));
    }
}
