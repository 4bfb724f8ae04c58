package dev.mapbench.report.model;

import java.util.List;

/** The Charts section: the mapbench chart groups first, then those of the other benchmarks. */
public record MeasurementCharts(List<ChartGroup> groups) implements ReportSection {

    /** Copies the list. */
    public MeasurementCharts {
        groups = List.copyOf(groups);
    }

    @Override
    public List<ChartSpec> allCharts() {
        return groups.stream().flatMap(group -> group.charts().stream()).toList();
    }
}
