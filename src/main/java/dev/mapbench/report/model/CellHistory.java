package dev.mapbench.report.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The nightly history ({@code results/history.csv}, written by {@code scripts/compare
 * --append-history}) as the report shows it: every cell metric's series with the nights where it
 * shifted (compare's ShiftDetector, the gate's thresholds), a chart for each series that shifted, at
 * most {@link #CHART_LIMIT} of them, and one summary chart of how many series shifted each night.
 *
 * <p>Why only shifted series are charted: a full matrix has hundreds of cells, two metrics each, and
 * a page of hundreds of flat lines hides the few that moved. Every series is still listed in the table.
 *
 * @param source the CSV read
 * @param settings the thresholds shifts were detected with
 * @param rowCount how many rows it holds
 * @param series every cell metric, shifted ones first (in chart order), then the rest in file order
 * @param charts the history charts drawn, in {@code series} order
 * @param summaryChart shifted series per night, when there are at least two nights
 */
public record CellHistory(Path source, GateSettings settings, int rowCount, List<Series> series, List<ChartSpec> charts,
        Optional<ChartSpec> summaryChart) implements ReportSection {

    /** The most history charts one page draws; the most relevant shifted series come first. */
    public static final int CHART_LIMIT = 24;

    /** Copies the lists. */
    public CellHistory {
        series = List.copyOf(series);
        charts = List.copyOf(charts);
    }

    /** One cell metric across nights, with its shifts and the id of its chart if one is drawn. */
    public record Series(List<HistoryRow> rows, List<HistoryShift> shifts, Optional<String> chartId) {

        /** Copies the lists. */
        public Series {
            rows = List.copyOf(rows);
            shifts = List.copyOf(shifts);
        }

        /** The newest night. */
        public HistoryRow latest() {
            return rows.get(rows.size() - 1);
        }

        /** The newest shift, if any. */
        public Optional<HistoryShift> lastShift() {
            return shifts.isEmpty() ? Optional.empty() : Optional.of(shifts.get(shifts.size() - 1));
        }
    }

    @Override
    public List<ChartSpec> allCharts() {
        return java.util.stream.Stream.concat(summaryChart.stream(), charts.stream()).toList();
    }

    /** How many series shifted at least once. */
    public long shiftedCount() {
        return series.stream().filter(one -> !one.shifts().isEmpty()).count();
    }
}
