package dev.mapbench.compare;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import dev.mapbench.report.model.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The history chart of one cell metric, as a {@link ChartSpec} for the report's one chart
 * component: nights along x, the median with its 95 % CI as error bar, and each detected shift as
 * its own labelled point so the legend says when and by how much the cell moved.
 *
 * <p>Points from different environments are never joined: each run of nights on one environment is its
 * own series, named by that environment, so the line breaks where the machine changed (and the
 * "environment changed" shift marks the first night on the new one).
 */
public final class HistoryCharts {

    private HistoryCharts() {
    }

    /** The chart of {@code series} (one cell metric, oldest night first) with its shifts marked. */
    public static ChartSpec chart(String id, List<HistoryRow> series, List<HistoryShift> shifts) {
        List<String> nights = new ArrayList<>();
        List<ChartSpec.Series> lines = new ArrayList<>();
        boolean oneEnvironment = series.stream().map(HistoryRow::environmentId).distinct().count() == 1;
        List<ChartSpec.Point> segment = new ArrayList<>();
        for (int night = 0; night < series.size(); night++) {
            HistoryRow row = series.get(night);
            nights.add(row.date() + " " + abbreviate(row.commit()));
            if (night > 0 && !row.environmentId().equals(series.get(night - 1).environmentId())) {
                lines.add(segment(series.get(night - 1), segment, oneEnvironment));
                segment = new ArrayList<>();
            }
            segment.add(new ChartSpec.Point(night, row.median(), row.ciLow(), row.ciHigh()));
        }
        lines.add(segment(series.get(series.size() - 1), segment, oneEnvironment));
        for (HistoryShift shift : shifts) {
            int night = series.indexOf(shift.after());
            lines.add(new ChartSpec.Series("shift " + shift.after().date() + ": " + Numbers.signedPercent(shift.changePercent())
                    + " (" + shift.reason() + ")",
                    List.of(new ChartSpec.Point(night, shift.after().median(), shift.after().median(),
                            shift.after().median()))));
        }
        HistoryRow last = series.get(series.size() - 1);
        return new ChartSpec(id, last.cell(), "nightly " + last.metric() + ", median of " + last.forks()
                        + " fork means with its order-statistic CI; shifts: consecutive CIs disjoint and >= minimum effect",
                "night (date, commit)", last.metric() + " (" + last.unit() + ")", ChartSpec.XScale.CATEGORY, nights,
                lines, OptionalDouble.empty(), "");
    }

    /** One environment's run of nights, named by it when the chart has more than one. */
    private static ChartSpec.Series segment(HistoryRow last, List<ChartSpec.Point> points, boolean oneEnvironment) {
        if (oneEnvironment) {
            return new ChartSpec.Series("median (95 % CI)", points);
        }
        String where = last.environment().isBlank() ? "" : ", " + last.environment();
        return new ChartSpec.Series("median (95 % CI), environment " + last.environmentId() + where, points);
    }

    private static String abbreviate(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
