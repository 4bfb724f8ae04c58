package dev.mapbench.report;

import dev.mapbench.report.chart.ChartGroup;
import dev.mapbench.results.ResultSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one report shows, computed before anything is written, so each writer (CSV, charts,
 * HTML) only formats.
 *
 * @param title the page title
 * @param generatedAt when the report was rendered (ISO-8601)
 * @param results the cells read
 * @param cores the core counts used for oversubscription
 * @param verdicts one per mapbench workload (empty for foreign JSON)
 * @param calibration the harness-overhead ratio, when both cells were measured
 * @param mapbenchCharts the mapbench chart groups (empty for foreign JSON)
 * @param genericCharts chart groups for the benchmarks that are not the workload benchmark
 * @param correctness the correctness results, if found
 * @param correctnessLocation where correctness results were looked for
 * @param rawFiles links to the copies of the input JSON files
 * @param flameGraphs links to flame graphs found under the run folders' profiles/
 */
public record ReportContent(
        String title,
        String generatedAt,
        ResultSet results,
        CoreCount cores,
        List<Verdict> verdicts,
        Optional<Calibration> calibration,
        List<ChartGroup> mapbenchCharts,
        List<ChartGroup> genericCharts,
        Optional<CorrectnessResults> correctness,
        Path correctnessLocation,
        List<Link> rawFiles,
        List<Link> flameGraphs) {

    /** A link in the report: shown text and a relative href. */
    public record Link(String name, String href) {
    }

    /** Every chart of the report, mapbench ones first. */
    public List<ChartGroup> allChartGroups() {
        return java.util.stream.Stream.concat(mapbenchCharts.stream(), genericCharts.stream()).toList();
    }
}
