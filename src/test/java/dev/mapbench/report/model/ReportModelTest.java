package dev.mapbench.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A report model is a title and typed sections; adding a section edits no constructor. */
class ReportModelTest {

    private static ChartSpec chart(String id, String series) {
        return new ChartSpec(id, id, "", "x", "y", ChartSpec.XScale.LINEAR, List.of(),
                List.of(new ChartSpec.Series(series, List.of(new ChartSpec.Point(1, 2, 2, 2)))), OptionalDouble.empty(), "");
    }

    @Test
    void sectionsAreLookedUpByTheirTypeAndAbsentOnesAreEmpty() {
        VerdictTable verdicts = InMemoryModels.oneWorkload();
        ReportModel model = ReportModel.builder("title", "2026-01-01T00:00:00Z").add(verdicts)
                .add(Optional.<Comparison>empty()).build();
        assertSame(verdicts, model.section(VerdictTable.class).orElseThrow());
        assertTrue(model.section(Comparison.class).isEmpty(), "an empty optional adds nothing");
        assertEquals(1, model.sections().size());
    }

    @Test
    void aReportHasOneSectionOfEachType() {
        ReportModel.Builder builder = ReportModel.builder("title", "now").add(InMemoryModels.noCells());
        assertThrows(IllegalArgumentException.class, () -> builder.add(InMemoryModels.noCells()));
    }

    @Test
    void theChartsAreEverySectionsChartsAndThePaletteKnowsTheirSeries() {
        ReportModel model = ReportModel.builder("title", "now")
                .add(new MeasurementCharts(List.of(new ChartGroup("g", "d", List.of(chart("a", "com.acme.Map"))))))
                .add(new Latency(List.of(), List.of(chart("b", "org.example.Other"))))
                .build();
        assertEquals(List.of("a", "b"), model.charts().stream().map(ChartSpec::id).toList());
        assertEquals(SeriesStyle.Dash.DASH_DOT, model.palette().style("com.acme.Map").dash(), "a plug-in's style");
    }
}
