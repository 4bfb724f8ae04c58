package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.chart.ChartRenderer;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history chart marks each shift with a labelled point the report's renderer draws. */
class HistoryChartsTest {

    private static HistoryRow night(int day, double median) {
        return new HistoryRow(LocalDate.of(2026, 11, day), "0123456789abcdef", "run", "env", "cell", "score",
                "ops/us", median, median * 0.98, median * 1.02, 0.969, 6);
    }

    @Test
    void shiftIsALabelledPointOnTheChart() {
        List<HistoryRow> series = List.of(night(1, 100), night(2, 101), night(3, 70));
        List<HistoryShift> shifts = new ShiftDetector(GateSettings.defaults()).shifts(series);
        ChartSpec spec = HistoryCharts.chart("history-1", series, shifts);
        assertEquals(List.of("2026-11-01 0123456", "2026-11-02 0123456", "2026-11-03 0123456"), spec.categories());
        assertEquals(2, spec.series().size());
        assertTrue(spec.series().get(1).name().startsWith("shift 2026-11-03: -30.7 %"), spec.series().get(1).name());
        assertEquals(2.0, spec.series().get(1).points().get(0).x());
        String svg = new ChartRenderer().toSvg(spec);
        assertTrue(svg.contains("shift 2026-11-03"), "legend names the shift");
    }

    @Test
    void nightsFromDifferentMachinesAreNeverJoinedByOneLine() {
        HistoryRow epyc1 = night(1, 100);
        HistoryRow epyc2 = night(2, 101);
        HistoryRow xeon = new HistoryRow(LocalDate.of(2026, 11, 3), "0123456789abcdef", "run", "env-xeon", "cell",
                "score", "ops/us", 140, 137, 143, 0.969, 6, "Intel Xeon Platinum 8375C, JVM 17.0.15");
        List<HistoryRow> series = List.of(epyc1, epyc2, xeon);
        ChartSpec spec = HistoryCharts.chart("history-2", series, new ShiftDetector(GateSettings.defaults()).shifts(series));
        assertEquals(List.of(0.0, 1.0), spec.series().get(0).points().stream().map(ChartSpec.Point::x).toList());
        assertEquals("median (95 % CI), environment env-xeon, Intel Xeon Platinum 8375C, JVM 17.0.15",
                spec.series().get(1).name());
        assertEquals(List.of(2.0), spec.series().get(1).points().stream().map(ChartSpec.Point::x).toList());
        assertTrue(spec.series().get(2).name().contains("environment changed"), "the change is marked");
    }
}
