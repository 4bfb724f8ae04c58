package dev.mapbench.report.model;

import dev.mapbench.results.BenchmarkCell;
import java.util.List;

/**
 * The latency section: read and write percentiles of the latency cells ({@code MapLatencyBenchmark.readWrite},
 * SampleTime, a JMH group of reader and writer threads), and their charts.
 *
 * @param rows one per cell and operation kind, by size, distribution, split and strategy
 * @param charts the percentile charts
 */
public record Latency(List<Row> rows, List<ChartSpec> charts) implements ReportSection {

    /** The percentiles shown, as JMH keys them, and their labels. */
    public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 100.0);
    public static final List<String> PERCENTILE_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");

    /** Copies the lists. */
    public Latency {
        rows = List.copyOf(rows);
        charts = List.copyOf(charts);
    }

    /** Which threads of the group a row describes. */
    public enum Kind {
        READ("read"), WRITE("write");

        private final String metric;

        Kind(String metric) {
            this.metric = metric;
        }

        /** The group method's name, which is also its secondary metric's name. */
        public String metric() {
            return metric;
        }
    }

    /**
     * One operation kind of one latency cell.
     *
     * @param readerSharePercent the cell's readPercent param: the share of its threads that read
     * @param readers reader threads (threads × readPercent / 100)
     * @param percentiles the values of {@link #PERCENTILES}, NaN where JMH gave none
     */
    public record Row(BenchmarkCell cell, String strategy, int readerSharePercent, int readers, int writers, long size,
            String keyDistribution, Kind kind, List<Double> percentiles, String unit) {

        /** Copies the list. */
        public Row {
            percentiles = List.copyOf(percentiles);
        }
    }

    @Override
    public List<ChartSpec> allCharts() {
        return charts;
    }
}
