package dev.mapbench.report.model;

import dev.mapbench.results.ResultSet;
import java.util.List;

/**
 * What the report was rendered from: the cells read, the cores each is judged against, and the copies of
 * the input files in the report folder.
 *
 * @param results the cells read, their duplicates, environments and input files
 * @param cores the core counts used for oversubscription
 * @param rawFiles links to the copies of the inputs (and of the other files the report shows) under raw/
 */
public record RunInputs(ResultSet results, CoreCount cores, List<Link> rawFiles) implements ReportSection {

    /** Copies the list. */
    public RunInputs {
        rawFiles = List.copyOf(rawFiles);
    }
}
