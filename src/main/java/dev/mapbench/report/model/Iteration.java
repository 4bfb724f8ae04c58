package dev.mapbench.report.model;

import java.util.List;

/** The iteration section: the iteration cells with their verdicts, and their charts. */
public record Iteration(IterationResults results, List<ChartSpec> charts) implements ReportSection {

    /** Copies the list. */
    public Iteration {
        charts = List.copyOf(charts);
    }

    @Override
    public List<ChartSpec> allCharts() {
        return charts;
    }
}
