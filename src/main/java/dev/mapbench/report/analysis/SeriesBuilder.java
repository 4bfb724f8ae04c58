package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Turns cells into chart lines: one line per label, one point per cell, sorted by x. */
final class SeriesBuilder {

    private SeriesBuilder() {
    }

    /** One line per label, styled by the label itself. */
    static List<ChartSpec.Series> lines(List<BenchmarkCell> cells, Function<BenchmarkCell, String> label,
            ToDoubleFunction<BenchmarkCell> x, Function<BenchmarkCell, Optional<Metric>> y) {
        return lines(cells, label, label, x, y);
    }

    /**
     * One line per label, styled by {@code styleKey} (the strategy, so it looks the same in every chart), each
     * point the metric's score with JMH's error.
     */
    static List<ChartSpec.Series> lines(List<BenchmarkCell> cells, Function<BenchmarkCell, String> label,
            Function<BenchmarkCell, String> styleKey, ToDoubleFunction<BenchmarkCell> x,
            Function<BenchmarkCell, Optional<Metric>> y) {
        return points(cells, label, styleKey, x, (cell, at) -> y.apply(cell)
                .map(metric -> ChartSpec.Point.withError(at, metric.score(), metric.scoreError())));
    }

    /** One line per label, styled by {@code styleKey}, each point built from its cell and x by {@code point}. */
    static List<ChartSpec.Series> points(List<BenchmarkCell> cells, Function<BenchmarkCell, String> label,
            Function<BenchmarkCell, String> styleKey, ToDoubleFunction<BenchmarkCell> x,
            java.util.function.BiFunction<BenchmarkCell, Double, Optional<ChartSpec.Point>> point) {
        Map<String, List<ChartSpec.Point>> points = new LinkedHashMap<>();
        Map<String, String> styles = new LinkedHashMap<>();
        for (BenchmarkCell cell : cells) {
            point.apply(cell, x.applyAsDouble(cell)).ifPresent(made -> {
                String name = label.apply(cell);
                styles.putIfAbsent(name, styleKey.apply(cell));
                points.computeIfAbsent(name, key -> new ArrayList<>()).add(made);
            });
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        points.forEach((name, list) -> {
            list.sort(Comparator.comparingDouble(ChartSpec.Point::x));
            series.add(new ChartSpec.Series(name, list, styles.get(name), false));
        });
        return series;
    }

    /** A value such as a param, as a number (NaN if it is not one). */
    static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    /** A file-name-safe id: lower case letters, digits and dashes. */
    static String id(String... parts) {
        return ChartSpec.safeId(parts);
    }

    /** The percentile labels charted for SampleTime and the keys JMH uses for them. */
    static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99, 100.0);
    static final List<String> PERCENTILE_LABELS = List.of("p50", "p90", "p99", "p99.9", "p99.99", "max");

    /** The SampleTime latency distribution of the cell as points x = 0..5 (no error bars: JMH gives none). */
    static List<ChartSpec.Point> percentilePoints(Metric metric) {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int index = 0; index < PERCENTILES.size(); index++) {
            double value = metric.percentile(PERCENTILES.get(index));
            if (Double.isFinite(value)) {
                points.add(new ChartSpec.Point(index, value, value, value));
            }
        }
        return points;
    }
}
