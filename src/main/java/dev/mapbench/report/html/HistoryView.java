package dev.mapbench.report.html;

import dev.mapbench.report.model.CellHistory;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import dev.mapbench.report.model.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The history section as text for the template: the summary chart, the shifted cells' charts, and every series. */
final class HistoryView {

    private HistoryView() {
    }

    static Map<String, Object> of(CellHistory history, boolean png) {
        GateSettings settings = history.settings();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", history.source().toString());
        view.put("rowCount", history.rowCount());
        view.put("seriesCount", history.series().size());
        view.put("shiftedCount", history.shiftedCount());
        view.put("chartedCount", history.charts().size());
        view.put("chartLimit", CellHistory.CHART_LIMIT);
        view.put("capped", history.shiftedCount() > history.charts().size());
        view.put("method", String.format(Locale.ROOT, "A night is a shift when its median's 95 %% CI shares no value "
                + "with the previous night's (same environment) and the median moved by at least %s %% (bytes per op: "
                + "by more than max(%s B, %s %%)); a change of environment id is always marked, because values on "
                + "either side are not comparable. Disjoint CIs are stricter than a 5 %% test, on purpose: a chart that "
                + "marks every wobble teaches people to ignore it.",
                Numbers.plain(settings.minEffectPercent()), Numbers.plain(settings.bytesToleranceBytes()),
                Numbers.plain(settings.bytesTolerancePercent())));
        view.put("summaryChart", history.summaryChart().map(chart -> Figures.of(chart, png)).orElse(null));
        view.put("charts", history.charts().stream().map(chart -> Figures.of(chart, png)).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CellHistory.Series series : history.series()) {
            HistoryRow latest = series.latest();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cell", latest.cell());
            row.put("metric", latest.metric());
            row.put("unit", latest.unit());
            row.put("nights", series.rows().size());
            row.put("first", series.rows().get(0).date().toString());
            row.put("last", latest.date().toString());
            row.put("latest", Numbers.number(latest.median()) + " [" + Numbers.number(latest.ciLow()) + ", "
                    + Numbers.number(latest.ciHigh()) + "]");
            row.put("shifts", series.shifts().size());
            row.put("lastShift", series.lastShift().map(HistoryView::describe).orElse("—"));
            row.put("charted", series.chartId().isPresent());
            row.put("chartId", series.chartId().orElse(""));
            rows.add(row);
        }
        view.put("rows", rows);
        return view;
    }

    private static String describe(HistoryShift shift) {
        return shift.after().date() + ": " + Numbers.signedPercent(shift.changePercent()) + " (" + shift.reason() + ")";
    }


}
