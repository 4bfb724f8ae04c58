package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Latency.Kind;
import dev.mapbench.report.model.Latency.Row;
import dev.mapbench.report.model.Latency;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import dev.mapbench.workload.Benchmarks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the latency cells ({@code MapLatencyBenchmark.readWrite}, SampleTime, a JMH group of reader and writer
 * threads) as read and write percentiles. Only the group's {@code read} and {@code write} secondary metrics
 * are used: the primary metric mixes both kinds and is never shown as either.
 */
public final class LatencyAnalysis {

    /** The latency benchmark's fully qualified method. */
    public static final String BENCHMARK = Benchmarks.LATENCY;

    private LatencyAnalysis() {
    }

    /** True for a cell of the latency benchmark, or of a named workload's roles timed in SampleTime. */
    public static boolean isLatencyCell(BenchmarkCell cell) {
        return cell.benchmark().equals(BENCHMARK) || cell.benchmark().equals(Benchmarks.OPERATION_ROLES_LATENCY);
    }

    /** Read and write rows of every SampleTime latency cell, by size, distribution, split and strategy. */
    public static List<Row> rows(List<BenchmarkCell> cells) {
        return cells.stream()
                .filter(LatencyAnalysis::isLatencyCell)
                .filter(cell -> cell.mode() == BenchmarkMode.SAMPLE_TIME)
                .flatMap(cell -> List.of(Kind.values()).stream().map(kind -> row(cell, kind)).flatMap(Optional::stream))
                .sorted(Comparator.comparing(Row::keyDistribution).thenComparingLong(Row::size)
                        .thenComparing(row -> row.cell().threads()).thenComparing(Row::readerSharePercent, Comparator.reverseOrder())
                        .thenComparing(Row::strategy).thenComparing(Row::kind))
                .toList();
    }

    private static Optional<Row> row(BenchmarkCell cell, Kind kind) {
        Optional<Metric> metric = cell.secondary(kind.metric());
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        int share = parseInt(cell.params().get("readPercent"));
        int readers = share < 0 ? -1 : Math.round(cell.threads() * share / 100f);
        List<Double> values = Latency.PERCENTILES.stream().map(metric.get()::percentile).toList();
        return Optional.of(new Row(cell, cell.params().getOrDefault(Benchmarks.STRATEGY_PARAM, "?"), share, readers,
                readers < 0 ? -1 : cell.threads() - readers, parseLong(cell.params().get("size")),
                cell.params().getOrDefault("keyDistribution", ""), kind, values, metric.get().unit()));
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }
}
