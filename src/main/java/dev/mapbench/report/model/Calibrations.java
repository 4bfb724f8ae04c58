package dev.mapbench.report.model;

import java.util.List;

/** The harness-overhead ratios, one per size and distribution whose cells were measured. */
public record Calibrations(List<Calibration> rows) implements ReportSection {

    /** Copies the list. */
    public Calibrations {
        rows = List.copyOf(rows);
    }
}
