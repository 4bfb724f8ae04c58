package dev.mapbench.compare;

import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import dev.mapbench.report.model.MetricDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the nights where a cell's history shifted, for the report to mark on its history chart.
 *
 * <p>A shift is a night whose median CI shares no value with the previous night's CI (on the same
 * environment) and whose median differs from it by at least the minimum effect (bytes per op: by
 * more than the bytes tolerance). Disjoint 95 % CIs are a deliberately strict test (stricter than a
 * 5 % test on the difference), because a chart that marks every wobble teaches people to ignore it.
 * A change of environment is always a shift point, labelled as such, because values before and
 * after are not comparable.
 */
public final class ShiftDetector {

    private final GateSettings settings;

    /** A detector with the gate's thresholds. */
    public ShiftDetector(GateSettings settings) {
        this.settings = settings;
    }

    /** Groups rows into series (cell and metric), each in file order, i.e. by night. */
    public static Map<String, List<HistoryRow>> series(List<HistoryRow> rows) {
        Map<String, List<HistoryRow>> series = new LinkedHashMap<>();
        rows.forEach(row -> series.computeIfAbsent(row.seriesKey(), key -> new ArrayList<>()).add(row));
        return series;
    }

    /** The shifts of one series. */
    public List<HistoryShift> shifts(List<HistoryRow> series) {
        List<HistoryShift> shifts = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            HistoryRow before = series.get(i - 1);
            HistoryRow after = series.get(i);
            double change = 100.0 * (after.median() - before.median()) / before.median();
            if (!before.environmentId().equals(after.environmentId())) {
                shifts.add(new HistoryShift(before, after, change, "environment changed"));
            } else if (after.disjointFrom(before) && large(before, after, change)) {
                shifts.add(new HistoryShift(before, after, change, "median CIs disjoint"));
            }
        }
        return shifts;
    }

    private boolean large(HistoryRow before, HistoryRow after, double change) {
        if (MetricDirection.fromUnit(after.unit()) == MetricDirection.BYTES_PER_OP) {
            return Math.abs(after.median() - before.median()) > settings.bytesTolerance(before.median());
        }
        return Math.abs(change) >= settings.minEffectPercent();
    }
}
