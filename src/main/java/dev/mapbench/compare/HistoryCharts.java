package dev.mapbench.compare;

import dev.mapbench.report.chart.ChartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The history chart of one cell metric, as a {@link ChartSpec} for the report's one chart
 * component: nights along x, the median with its 95 % CI as error bar, and each detected shift as
 * its own labelled point so the legend says when and by how much the cell moved.
 */
public final class HistoryCharts {

    private HistoryCharts() {
    }

    /** The chart of {@code series} (one cell metric, oldest night first) with its shifts marked. */
    public static ChartSpec chart(String id, List<HistoryRow> series, List<ShiftDetector.Shift> shifts) {
        List<String> nights = new ArrayList<>();
        List<ChartSpec.Point> medians = new ArrayList<>();
        for (int night = 0; night < series.size(); night++) {
            HistoryRow row = series.get(night);
            nights.add(row.date() + " " + abbreviate(row.commit()));
            medians.add(new ChartSpec.Point(night, row.median(), row.ciLow(), row.ciHigh()));
        }
        List<ChartSpec.Series> lines = new ArrayList<>();
        lines.add(new ChartSpec.Series("median (95 % CI)", medians));
        for (ShiftDetector.Shift shift : shifts) {
            int night = series.indexOf(shift.after());
            lines.add(new ChartSpec.Series(String.format(Locale.ROOT, "shift %s: %+.1f %% (%s)", shift.after().date(),
                    shift.changePercent(), shift.reason()),
                    List.of(new ChartSpec.Point(night, shift.after().median(), shift.after().median(),
                            shift.after().median()))));
        }
        HistoryRow last = series.get(series.size() - 1);
        return new ChartSpec(id, last.cell(), "nightly " + last.metric() + ", median of " + last.forks()
                        + " fork means with its order-statistic CI; shifts: consecutive CIs disjoint and >= minimum effect",
                "night (date, commit)", last.metric() + " (" + last.unit() + ")", ChartSpec.XScale.CATEGORY, nights,
                lines, OptionalDouble.empty(), "");
    }

    private static String abbreviate(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
