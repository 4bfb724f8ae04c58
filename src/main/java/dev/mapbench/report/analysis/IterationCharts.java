package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.IterationResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Charts of the iteration cells: per visit and thread split, mean walk time against map size (when more
 * than one size was measured); per workload, the walk-time and the writer-latency percentiles, one line
 * per strategy, on log axes (a walk of 100 000 entries and a write differ by decades).
 */
public final class IterationCharts {

    private final CoreCount cores;

    /** Charts that mark oversubscribed splits in their subtitle. */
    public IterationCharts(CoreCount cores) {
        this.cores = cores;
    }

    /** The charts of {@code results}, cost against size first. */
    public List<ChartSpec> build(IterationResults results) {
        List<ChartSpec> charts = new ArrayList<>(costAgainstSize(results.rows()));
        for (IterationResults.WorkloadId workload : results.workloads()) {
            charts.add(percentiles(workload, "walk", "Walk time", IterationResults.Row::walkPercentiles));
            charts.add(percentiles(workload, "write", "Writer latency during walks", IterationResults.Row::writePercentiles));
        }
        return charts;
    }

    /** Chart id of a workload's walk ({@code kind = "walk"}) or writer ({@code "write"}) percentiles. */
    public static String percentileChartId(IterationResults.WorkloadId workload, String kind) {
        return SeriesBuilder.id("iteration", kind, workload.visit(), "s" + workload.size(), split(workload.iterators(),
                workload.readers(), workload.writers()));
    }

    private List<ChartSpec> costAgainstSize(List<IterationResults.Row> rows) {
        Map<String, List<IterationResults.Row>> bySplit = new LinkedHashMap<>();
        for (IterationResults.Row row : rows) {
            bySplit.computeIfAbsent(row.visit() + " " + split(row.iterators(), row.readers(), row.writers()),
                    key -> new ArrayList<>()).add(row);
        }
        List<ChartSpec> charts = new ArrayList<>();
        for (List<IterationResults.Row> split : bySplit.values()) {
            if (split.stream().map(IterationResults.Row::size).distinct().count() < 2) {
                continue;
            }
            Map<String, List<ChartSpec.Point>> lines = new LinkedHashMap<>();
            for (IterationResults.Row row : split) {
                if (Double.isFinite(row.walk().score()) && row.walk().score() > 0) {
                    lines.computeIfAbsent(row.strategy(), key -> new ArrayList<>()).add(
                            ChartSpec.Point.withError(row.size(), row.walk().score(), row.walk().scoreError()));
                }
            }
            List<ChartSpec.Series> series = new ArrayList<>();
            lines.forEach((name, points) -> {
                points.sort(java.util.Comparator.comparingDouble(ChartSpec.Point::x));
                series.add(new ChartSpec.Series(name, points));
            });
            IterationResults.Row first = split.get(0);
            String splitId = split(first.iterators(), first.readers(), first.writers());
            charts.add(new ChartSpec(SeriesBuilder.id("iteration-cost", first.visit(), splitId),
                    "Walk time against map size, " + first.visit().toLowerCase(java.util.Locale.ROOT),
                    describe(first) + oversubscribed(split) + "; mean ± JMH 99.9 % error",
                    "map size (entries)", "time per walk (" + unit(first) + ")", ChartSpec.XScale.LOG, List.of(), series,
                    OptionalDouble.empty(), "", true));
        }
        return charts;
    }

    private ChartSpec percentiles(IterationResults.WorkloadId workload, String kind, String title,
            Function<IterationResults.Row, List<Double>> values) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (IterationResults.Row row : workload.rows()) {
            List<ChartSpec.Point> points = new ArrayList<>();
            List<Double> percentiles = values.apply(row);
            for (int index = 0; index < percentiles.size(); index++) {
                double value = percentiles.get(index);
                if (Double.isFinite(value) && value > 0) {
                    points.add(new ChartSpec.Point(index, value, value, value));
                }
            }
            series.add(new ChartSpec.Series(row.strategy(), points));
        }
        IterationResults.Row first = workload.rows().get(0);
        return new ChartSpec(percentileChartId(workload, kind),
                title + ", " + workload.visit().toLowerCase(java.util.Locale.ROOT) + ", size " + workload.size(),
                describe(first) + oversubscribed(workload.rows()) + "; SampleTime percentiles, no error given by JMH",
                "percentile", "latency (" + unit(first) + ")", ChartSpec.XScale.CATEGORY,
                IterationResults.PERCENTILE_LABELS, series, OptionalDouble.empty(), "", true);
    }

    private String oversubscribed(List<IterationResults.Row> rows) {
        return rows.stream().anyMatch(row -> cores.oversubscribed(row.cell())) ? " (oversubscribed)" : "";
    }

    private static String describe(IterationResults.Row row) {
        return count(row.iterators(), "iterator") + " + " + count(row.readers(), "reader") + " + "
                + count(row.writers(), "writer");
    }

    private static String count(int threads, String noun) {
        return threads + " " + noun + (threads == 1 ? "" : "s");
    }

    private static String unit(IterationResults.Row row) {
        String unit = row.walk().unit();
        return unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
    }

    private static String split(int iterators, int readers, int writers) {
        return "i" + iterators + "r" + readers + "w" + writers;
    }
}
