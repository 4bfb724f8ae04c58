package dev.mapbench.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code scripts/report} was asked to render.
 *
 * @param inputs JMH JSON files or run folders (a run folder's footprint.json is shown when present)
 * @param out the output folder
 * @param correctness the contract-3 hazard file; if empty, the default location when it exists
 * @param baseline a JMH JSON file or run folder to compare the inputs against
 * @param history a nightly history CSV ({@code scripts/compare --append-history}) to chart
 * @param marginPercent the verdicts' equivalence margin in percent; empty: the run's env.json
 *     ({@code equivalenceMarginPercent}), else 10
 * @param png whether every chart is also drawn as PNG (for slides); the page itself uses SVG only
 */
public record ReportRequest(List<Path> inputs, Path out, Optional<Path> correctness, Optional<Path> baseline,
        Optional<Path> history, OptionalDouble marginPercent, boolean png) {

    /** Copies the list. */
    public ReportRequest {
        inputs = List.copyOf(inputs);
    }

    /** A request with the margin the run recorded. */
    public ReportRequest(List<Path> inputs, Path out, Optional<Path> correctness, Optional<Path> baseline,
            Optional<Path> history) {
        this(inputs, out, correctness, baseline, history, OptionalDouble.empty(), false);
    }
}
