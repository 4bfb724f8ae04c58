package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Latency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Read and write latency percentiles of the latency benchmark: one chart per thread split, map size and
 * key distribution, one line per strategy and operation kind, on a log axis (the tail spans decades).
 */
public final class LatencyCharts {

    private final CoreCount cores;

    /** Charts that mark oversubscribed splits in their subtitle. */
    public LatencyCharts(CoreCount cores) {
        this.cores = cores;
    }

    /** The charts of {@code rows} ({@link LatencyAnalysis#rows}), in the rows' order. */
    public List<ChartSpec> build(List<Latency.Row> rows) {
        Map<String, List<Latency.Row>> bySplit = new LinkedHashMap<>();
        for (Latency.Row row : rows) {
            bySplit.computeIfAbsent(row.keyDistribution() + " " + row.size() + " " + row.cell().threads() + " "
                    + row.readerSharePercent(), key -> new ArrayList<>()).add(row);
        }
        List<ChartSpec> charts = new ArrayList<>();
        bySplit.values().forEach(split -> charts.add(chart(split)));
        return charts;
    }

    private ChartSpec chart(List<Latency.Row> split) {
        Latency.Row first = split.get(0);
        List<ChartSpec.Series> series = new ArrayList<>();
        for (Latency.Row row : split) {
            List<ChartSpec.Point> points = new ArrayList<>();
            for (int index = 0; index < row.percentiles().size(); index++) {
                double value = row.percentiles().get(index);
                if (Double.isFinite(value)) {
                    points.add(new ChartSpec.Point(index, value, value, value));
                }
            }
            // Reads and writes of one strategy share its colour and marker; writes draw hollow on a dotted line.
            series.add(new ChartSpec.Series(row.strategy() + " " + row.kind().metric(), points, row.strategy(),
                    row.kind() == Latency.Kind.WRITE));
        }
        boolean oversubscribed = split.stream().anyMatch(row -> cores.oversubscribed(row.cell()));
        String splitLabel = count(first.readers(), "reader") + " + " + count(first.writers(), "writer");
        return new ChartSpec(
                SeriesBuilder.id("latency-rw", first.keyDistribution(), "s" + first.size(), "t" + first.cell().threads(),
                        "r" + first.readerSharePercent()),
                "Read and write latency, " + splitLabel,
                "size " + first.size() + ", " + first.keyDistribution() + (oversubscribed ? " (oversubscribed)" : "")
                        + "; SampleTime percentiles, no error given by JMH",
                "percentile", "latency (" + first.unit() + ")", ChartSpec.XScale.CATEGORY,
                Latency.PERCENTILE_LABELS, series, OptionalDouble.empty(), "", true);
    }

    private static String count(int threads, String noun) {
        return threads + " " + noun + (threads == 1 ? "" : "s");
    }
}
