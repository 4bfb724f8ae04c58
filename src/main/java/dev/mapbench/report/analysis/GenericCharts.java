package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ChartGroup;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Charts for any JMH benchmark: per benchmark and mode, the score against each param that varies
 * (lines against a numeric param or the thread count, grouped bars over a text param's values), one
 * line or bar per combination of the other params; {@code @Group} methods get their own; SampleTime
 * benchmarks also get a percentile chart; and when {@code -prof gc} ran, its allocation and GC figures
 * ({@code gc.alloc.rate.norm}, {@code gc.alloc.rate}, {@code gc.count}, {@code gc.time}; JMH before 1.37
 * wrote them with a leading {@code ·}, which the reader drops) against the first varying param.
 */
public final class GenericCharts {

    private static final String THREADS = "threads";
    private static final String ERRORS = "error bars: JMH 99.9 % confidence interval";

    /** The {@code -prof gc} figures charted, with the y label of each. */
    static final Map<String, String> GC_FIGURES = gcFigures();

    private static Map<String, String> gcFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(BenchmarkCell.ALLOCATION_PER_OP, "allocation per operation");
        figures.put("gc.alloc.rate", "allocation rate");
        figures.put(BenchmarkCell.GC_COUNT, "GC count during measurement");
        figures.put(BenchmarkCell.GC_TIME, "GC time during measurement");
        return figures;
    }

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
            List<String> dimensions = dimensions(group);
            for (String dimension : dimensions) {
                charts.add(chartAgainst(title, dimension, group, "score", Optional.empty()));
            }
            if (group.get(0).mode() == BenchmarkMode.SAMPLE_TIME) {
                charts.add(percentileChart(title, group));
            }
            if (!dimensions.isEmpty()) {
                for (String figure : GC_FIGURES.keySet()) {
                    if (group.stream().anyMatch(cell -> cell.secondary(figure).isPresent())) {
                        charts.add(chartAgainst(title, dimensions.get(0), group, GC_FIGURES.get(figure), Optional.of(figure)));
                    }
                }
            }
            if (!charts.isEmpty()) {
                groups.add(new ChartGroup(title, "Error bars: JMH 99.9 % confidence interval. Allocation and GC figures come"
                        + " from JMH's -prof gc (a missing gc.count or gc.time means no collection: drawn as 0).", charts));
            }
        });
        return groups;
    }

    /** Params with two or more values (numeric ones first, then text ones), then "threads" if it varies. */
    static List<String> dimensions(List<BenchmarkCell> cells) {
        List<String> numeric = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (String name : paramNames(cells)) {
            Set<String> values = cells.stream().map(cell -> cell.params().get(name)).collect(Collectors.toSet());
            if (values.size() < 2) {
                continue;
            }
            (isNumeric(values) ? numeric : text).add(name);
        }
        List<String> dimensions = new ArrayList<>(text);
        dimensions.addAll(numeric);
        if (cells.stream().map(BenchmarkCell::threads).distinct().count() >= 2) {
            dimensions.add(THREADS);
        }
        return dimensions;
    }

    /** Params whose values are all numbers with at least two distinct values, then "threads" if it varies. */
    static List<String> numericDimensions(List<BenchmarkCell> cells) {
        return dimensions(cells).stream().filter(dimension -> dimension.equals(THREADS) || isNumeric(
                cells.stream().map(cell -> cell.params().get(dimension)).collect(Collectors.toSet()))).toList();
    }

    private static Set<String> paramNames(List<BenchmarkCell> cells) {
        Set<String> names = new LinkedHashSet<>();
        cells.forEach(cell -> names.addAll(cell.params().keySet()));
        return names;
    }

    private static boolean isNumeric(Set<String> values) {
        return values.stream().allMatch(value -> Double.isFinite(SeriesBuilder.number(value)));
    }

    /**
     * {@code figure} (the primary score when empty) against {@code dimension}: lines over a number,
     * grouped bars over a text param's values.
     */
    private ChartSpec chartAgainst(String title, String dimension, List<BenchmarkCell> cells, String quantity,
            Optional<String> figure) {
        boolean byThreads = dimension.equals(THREADS);
        boolean threadsVary = cells.stream().map(BenchmarkCell::threads).distinct().count() >= 2;
        boolean numeric = byThreads || isNumeric(cells.stream().map(cell -> cell.params().get(dimension)).collect(Collectors.toSet()));
        Function<BenchmarkCell, Optional<Metric>> metric = figure.isEmpty() ? cell -> Optional.of(cell.primary())
                : cell -> gcFigure(cell, figure.get());
        String unit = cells.stream().map(metric).flatMap(Optional::stream).map(Metric::unit)
                .filter(text -> !text.isBlank()).findFirst().orElse(cells.get(0).primary().unit());
        List<String> categories = numeric ? List.of() : categoryValues(cells, dimension);
        Function<BenchmarkCell, Double> x = numeric ? cell -> numericX(cell, dimension)
                : cell -> (double) categories.indexOf(cell.params().get(dimension));
        List<ChartSpec.Series> series = new ArrayList<>(SeriesBuilder.lines(cells,
                cell -> otherParams(cell, dimension, threadsVary), x::apply, metric));
        if (figure.isEmpty()) {
            for (String method : groupMethods(cells)) {
                series.addAll(SeriesBuilder.lines(cells, cell -> method + ": " + otherParams(cell, dimension, threadsVary),
                        x::apply, cell -> cell.secondary(method)));
            }
        }
        String id = SeriesBuilder.id("generic", title, figure.map(name -> name.replace('.', '-')).orElse(""), dimension);
        String chartTitle = title + ": " + (figure.isEmpty() ? "score" : figure.get()) + " by " + dimension;
        String subtitle = figure.isEmpty() ? ERRORS : "-prof gc; " + ERRORS;
        String yLabel = quantity + " (" + unit + ")";
        if (!numeric) {
            return new ChartSpec(id, chartTitle, subtitle, dimension, yLabel, ChartSpec.XScale.CATEGORY, categories, series,
                    OptionalDouble.empty(), "").asBars();
        }
        int maxCores = cells.stream().mapToInt(cores::coresFor).max().orElse(1);
        boolean logScale = !byThreads && spansDecades(cells, dimension);
        return new ChartSpec(id, chartTitle, subtitle, dimension + (logScale ? " (log scale)" : ""), yLabel,
                logScale ? ChartSpec.XScale.LOG : ChartSpec.XScale.LINEAR, List.of(), series,
                byThreads ? OptionalDouble.of(maxCores + 0.5) : OptionalDouble.empty(), "threads > cores (oversubscribed)");
    }

    /** A -prof gc figure; gc.count and gc.time are absent when no collection ran, which is 0. */
    private static Optional<Metric> gcFigure(BenchmarkCell cell, String name) {
        Optional<Metric> metric = cell.secondary(name);
        boolean profiled = cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).isPresent();
        if (metric.isPresent() || !profiled || !(name.equals(BenchmarkCell.GC_COUNT) || name.equals(BenchmarkCell.GC_TIME))) {
            return metric;
        }
        return Optional.of(Metric.of(0, Double.NaN, name.equals(BenchmarkCell.GC_COUNT) ? "counts" : "ms"));
    }

    private static List<String> categoryValues(List<BenchmarkCell> cells, String dimension) {
        return cells.stream().map(cell -> cell.params().get(dimension)).filter(value -> value != null).distinct().toList();
    }

    private ChartSpec percentileChart(String title, List<BenchmarkCell> cells) {
        List<ChartSpec.Series> series = cells.stream()
                .map(cell -> new ChartSpec.Series(otherParams(cell, "", true), SeriesBuilder.percentilePoints(cell.primary())))
                .toList();
        return new ChartSpec(SeriesBuilder.id("generic", title, "percentiles"), title + ": latency percentiles",
                "SampleTime; JMH gives no error for percentiles", "percentile",
                "latency (" + cells.get(0).primary().unit() + ")", ChartSpec.XScale.CATEGORY,
                SeriesBuilder.PERCENTILE_LABELS, series, OptionalDouble.empty(), "");
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

    private static double numericX(BenchmarkCell cell, String dimension) {
        return dimension.equals(THREADS) ? cell.threads() : SeriesBuilder.number(cell.params().get(dimension));
    }

    private static boolean spansDecades(List<BenchmarkCell> cells, String dimension) {
        double min = cells.stream().mapToDouble(cell -> numericX(cell, dimension)).min().orElse(1);
        double max = cells.stream().mapToDouble(cell -> numericX(cell, dimension)).max().orElse(1);
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
