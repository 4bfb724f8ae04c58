package dev.mapbench.report.model;

import dev.mapbench.footprint.FootprintReport;
import java.nio.file.Path;

/**
 * A {@code footprint.json} found in a run folder, read back into the footprint package's own
 * {@link FootprintReport} (its Javadoc is the format), so the report and the writer cannot drift apart.
 *
 * @param source the file read
 * @param report what it holds
 */
public record FootprintResults(Path source, FootprintReport report) {
}
