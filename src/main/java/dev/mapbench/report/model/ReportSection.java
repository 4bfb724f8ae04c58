package dev.mapbench.report.model;

import java.util.List;

/**
 * One section of a {@link ReportModel}: a record an analysis builds, holding what the section shows
 * (no markup, numbers as numbers). Each format looks sections up by type and renders those it knows.
 */
public interface ReportSection {

    /** Every chart this section shows, drawn once per report; none unless the section has charts. */
    default List<ChartSpec> allCharts() {
        return List.of();
    }
}
