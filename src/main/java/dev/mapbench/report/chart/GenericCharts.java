package dev.mapbench.report.chart;

import dev.mapbench.report.CoreCount;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Charts for any JMH benchmark: per benchmark and mode, one chart per numeric param (and per thread
 * count when it varies), one line per combination of the other params; {@code @Group} methods get
 * their own lines; SampleTime benchmarks also get a percentile chart.
 */
public final class GenericCharts {

    private final CoreCount cores;

    /** Charts whose thread axes shade the region beyond {@code cores}. */
    public GenericCharts(CoreCount cores) {
        this.cores = cores;
    }

    /** One group per benchmark and mode that has something to chart. */
    public List<ChartGroup> build(List<BenchmarkCell> cells) {
        Map<String, List<BenchmarkCell>> byBenchmark = cells.stream().collect(Collectors.groupingBy(
                cell -> cell.benchmark() + " (" + cell.mode().label() + ")", LinkedHashMap::new, Collectors.toList()));
        List<ChartGroup> groups = new ArrayList<>();
        byBenchmark.forEach((title, group) -> {
            List<ChartSpec> charts = new ArrayList<>();
            for (String dimension : numericDimensions(group)) {
                charts.add(chartAgainst(title, dimension, group));
            }
            if (group.get(0).mode() == BenchmarkMode.SAMPLE_TIME) {
                charts.add(percentileChart(title, group));
            }
            if (!charts.isEmpty()) {
                groups.add(new ChartGroup(title, "Error bars: JMH 99.9 % confidence interval.", charts));
            }
        });
        return groups;
    }

    /** Params whose values are all numbers with at least two distinct values, then "threads" if it varies. */
    static List<String> numericDimensions(List<BenchmarkCell> cells) {
        Set<String> names = new TreeSet<>();
        cells.forEach(cell -> names.addAll(cell.params().keySet()));
        List<String> dimensions = new ArrayList<>();
        for (String name : names) {
            Set<String> values = cells.stream().map(cell -> cell.params().get(name)).collect(Collectors.toSet());
            if (values.size() >= 2 && values.stream().allMatch(value -> Double.isFinite(SeriesBuilder.number(value)))) {
                dimensions.add(name);
            }
        }
        if (cells.stream().map(BenchmarkCell::threads).distinct().count() >= 2) {
            dimensions.add(THREADS);
        }
        return dimensions;
    }

    private static final String THREADS = "threads";

    private ChartSpec chartAgainst(String title, String dimension, List<BenchmarkCell> cells) {
        boolean threadsVary = cells.stream().map(BenchmarkCell::threads).distinct().count() >= 2;
        List<ChartSpec.Series> series = new ArrayList<>(SeriesBuilder.lines(cells,
                cell -> otherParams(cell, dimension, threadsVary), cell -> x(cell, dimension), cell -> Optional.of(cell.primary())));
        for (String method : groupMethods(cells)) {
            series.addAll(SeriesBuilder.lines(cells, cell -> method + ": " + otherParams(cell, dimension, threadsVary),
                    cell -> x(cell, dimension), cell -> cell.secondary(method)));
        }
        boolean byThreads = dimension.equals(THREADS);
        int maxCores = cells.stream().mapToInt(cores::coresFor).max().orElse(1);
        boolean logScale = !byThreads && spansDecades(cells, dimension);
        return new ChartSpec(SeriesBuilder.id("generic", title, dimension), title, "score against " + dimension,
                dimension + (logScale ? " (log scale)" : ""), "score (" + cells.get(0).primary().unit() + ")",
                logScale ? ChartSpec.XScale.LOG : ChartSpec.XScale.LINEAR, List.of(), series,
                byThreads ? OptionalDouble.of(maxCores + 0.5) : OptionalDouble.empty(), "threads > cores (oversubscribed)");
    }

    private ChartSpec percentileChart(String title, List<BenchmarkCell> cells) {
        List<ChartSpec.Series> series = cells.stream()
                .map(cell -> new ChartSpec.Series(otherParams(cell, "", true), SeriesBuilder.percentilePoints(cell.primary())))
                .toList();
        return new ChartSpec(SeriesBuilder.id("generic", title, "percentiles"), title, "latency percentiles (no error given by JMH)",
                "percentile", "latency (" + cells.get(0).primary().unit() + ")", ChartSpec.XScale.CATEGORY,
                SeriesBuilder.PERCENTILE_LABELS, series, OptionalDouble.empty(), "", true);
    }

    /** Secondary metrics of @Group benchmarks that are per-method scores (same unit as the primary). */
    static Set<String> groupMethods(List<BenchmarkCell> cells) {
        Set<String> methods = new TreeSet<>();
        for (BenchmarkCell cell : cells) {
            cell.secondary().forEach((name, metric) -> {
                if (isMethodScore(cell, name, metric)) {
                    methods.add(name);
                }
            });
        }
        return methods;
    }

    private static boolean isMethodScore(BenchmarkCell cell, String name, Metric metric) {
        return metric.unit().equals(cell.primary().unit()) && name.matches("[A-Za-z_$][A-Za-z0-9_$]*");
    }

    private static double x(BenchmarkCell cell, String dimension) {
        return dimension.equals(THREADS) ? cell.threads() : SeriesBuilder.number(cell.params().get(dimension));
    }

    private static boolean spansDecades(List<BenchmarkCell> cells, String dimension) {
        double min = cells.stream().mapToDouble(cell -> x(cell, dimension)).min().orElse(1);
        double max = cells.stream().mapToDouble(cell -> x(cell, dimension)).max().orElse(1);
        return min > 0 && max / min >= 100;
    }

    /** The line's label: the params not on the x axis; an oversubscribed thread count says so. */
    private String otherParams(BenchmarkCell cell, String dimension, boolean withThreads) {
        List<String> parts = new ArrayList<>();
        cell.params().forEach((name, value) -> {
            if (!name.equals(dimension)) {
                parts.add(name + "=" + value);
            }
        });
        if (withThreads && !dimension.equals(THREADS)) {
            parts.add("threads=" + cell.threads() + (cores.oversubscribed(cell) ? " (oversubscribed)" : ""));
        }
        return parts.isEmpty() ? "score" : String.join(", ", parts);
    }
}
