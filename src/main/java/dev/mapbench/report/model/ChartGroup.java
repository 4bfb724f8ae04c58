package dev.mapbench.report.model;

import java.util.List;

/** Charts shown together under one heading, with a sentence on how to read them. */
public record ChartGroup(String heading, String description, List<ChartSpec> charts) {

    /** Copies the list. */
    public ChartGroup {
        charts = List.copyOf(charts);
    }
}
