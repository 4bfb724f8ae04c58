package dev.mapbench.report.analysis;

import dev.mapbench.compare.HistoryCharts;
import dev.mapbench.compare.HistoryCsv;
import dev.mapbench.compare.ShiftDetector;
import dev.mapbench.report.model.CellHistory.Series;
import dev.mapbench.report.model.CellHistory;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import dev.mapbench.report.model.MetricDirection;
import dev.mapbench.results.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the nightly history ({@code results/history.csv}, written by {@code scripts/compare
 * --append-history}) into a {@link CellHistory}: every cell metric's series with the nights where it
 * shifted ({@link ShiftDetector}, the gate's thresholds), a chart for each series that shifted, at most
 * {@link CellHistory#CHART_LIMIT} of them, and one summary chart of how many series shifted each night.
 *
 * <p>Why only shifted series are charted: a full matrix has hundreds of cells, two metrics each, and
 * a page of hundreds of flat lines hides the few that moved. Every series is still listed in the table.
 */
public final class HistoryAnalysis {

    private HistoryAnalysis() {
    }

    /** Reads the CSV and finds the shifts; a missing, empty or malformed file is bad input. */
    public static CellHistory read(Path file, GateSettings settings) throws BadInputException {
        List<HistoryRow> rows = readRows(file);
        ShiftDetector detector = new ShiftDetector(settings);
        List<Series> shifted = new ArrayList<>();
        List<Series> steady = new ArrayList<>();
        for (List<HistoryRow> one : ShiftDetector.series(rows).values()) {
            Series series = new Series(one, detector.shifts(one), Optional.empty());
            (series.shifts().isEmpty() ? steady : shifted).add(series);
        }
        List<String> nights = nights(rows);
        // Measured shifts before mere environment changes, then the most recent night, then the largest.
        shifted.sort(Comparator.comparing(HistoryAnalysis::hasMeasuredShift).reversed()
                .thenComparing((Series one) -> nights.indexOf(night(one.lastShift().orElseThrow().after())),
                        Comparator.reverseOrder())
                .thenComparing(HistoryAnalysis::largestChange, Comparator.reverseOrder()));
        List<Series> ordered = new ArrayList<>();
        List<ChartSpec> charts = new ArrayList<>();
        for (Series series : shifted) {
            if (charts.size() < CellHistory.CHART_LIMIT) {
                String id = "history-" + (charts.size() + 1);
                charts.add(labelledByRun(HistoryCharts.chart(id, series.rows(), series.shifts()), series.rows()));
                ordered.add(new Series(series.rows(), series.shifts(), Optional.of(id)));
            } else {
                ordered.add(series);
            }
        }
        ordered.addAll(steady);
        return new CellHistory(file, settings, rows.size(), ordered, charts, summaryChart(nights, ordered));
    }

    /**
     * HistoryCharts names a night by date and commit; two runs of one commit on one date (a rerun,
     * a smoke run before the full one) would then share a label. The report names nights by date
     * and run id, as its summary chart does.
     */
    private static ChartSpec labelledByRun(ChartSpec chart, List<HistoryRow> series) {
        return new ChartSpec(chart.id(), chart.title(), chart.subtitle(), "night (date, run id)", chart.yLabel(),
                chart.xScale(), series.stream().map(HistoryAnalysis::night).toList(), chart.series(), chart.shadeFromX(),
                chart.shadeLabel(), chart.logY());
    }

    /** A shift the numbers show, not only ShiftDetector's "environment changed" mark. */
    private static boolean hasMeasuredShift(Series series) {
        return series.shifts().stream().anyMatch(shift -> !shift.reason().startsWith("environment"));
    }

    private static double largestChange(Series series) {
        return series.shifts().stream().mapToDouble(shift -> Math.abs(shift.changePercent()))
                .filter(Double::isFinite).max().orElse(0);
    }

    /** The nights of the file: one per run, in file order, which is the order nights were appended. */
    private static List<String> nights(List<HistoryRow> rows) {
        LinkedHashSet<String> nights = new LinkedHashSet<>();
        rows.forEach(row -> nights.add(night(row)));
        return List.copyOf(nights);
    }

    private static List<HistoryRow> readRows(Path file) throws BadInputException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new BadInputException(file, "empty file");
            }
            String expected = String.join(",", HistoryCsv.HEADER);
            if (!header.strip().replace("\uFEFF", "").equals(expected)) {
                throw new BadInputException(file, "not a history CSV: header is \"" + abbreviate(header)
                        + "\", expected \"" + expected + "\"");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot read file: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read file: " + e.getMessage(), e);
        }
        try {
            return HistoryCsv.read(file);
        } catch (IOException e) {
            // HistoryCsv names the file and line itself: keep only the problem.
            String message = String.valueOf(e.getMessage());
            String prefix = file + ": ";
            throw new BadInputException(file, message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
        }
    }

    /** Per night, how many series shifted there: worse, better, or because the environment changed. */
    private static Optional<ChartSpec> summaryChart(List<String> nights, List<Series> series) {
        if (nights.size() < 2) {
            return Optional.empty();
        }
        int[] worse = new int[nights.size()];
        int[] better = new int[nights.size()];
        int[] unknownDirection = new int[nights.size()];
        int[] environment = new int[nights.size()];
        for (Series one : series) {
            for (HistoryShift shift : one.shifts()) {
                int night = nights.indexOf(night(shift.after()));
                double worsening = MetricDirection.fromUnit(shift.after().unit())
                        .worseningPercent(shift.before().median(), shift.after().median());
                if (shift.reason().startsWith("environment")) {
                    environment[night]++;
                } else if (worsening > 0) {
                    worse[night]++;
                } else if (worsening < 0) {
                    better[night]++;
                } else {
                    unknownDirection[night]++;
                }
            }
        }
        List<ChartSpec.Series> lines = new ArrayList<>(List.of(line("worse (CIs disjoint, >= minimum effect)", worse),
                line("better (CIs disjoint, >= minimum effect)", better), line("environment changed", environment)));
        if (java.util.Arrays.stream(unknownDirection).sum() > 0) {
            lines.add(line("moved, unit without a better direction", unknownDirection));
        }
        return Optional.of(new ChartSpec("history-summary", "Cell metrics that shifted, per night",
                series.size() + " cell metrics in the history; a shift compares a night with the one before it",
                "night (date, run id)", "cell metrics shifted", ChartSpec.XScale.CATEGORY, nights, lines,
                OptionalDouble.empty(), ""));
    }

    private static String night(HistoryRow row) {
        return row.date() + " " + row.runId();
    }

    private static ChartSpec.Series line(String name, int[] counts) {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int night = 0; night < counts.length; night++) {
            points.add(new ChartSpec.Point(night, counts[night], counts[night], counts[night]));
        }
        return new ChartSpec.Series(name, points);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
