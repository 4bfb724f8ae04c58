package dev.mapbench.report;

import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.ChartGroup;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.StrategyPalette;
import dev.mapbench.results.ResultSet;
import dev.mapbench.stats.SpreadByThreads;
import dev.mapbench.stats.VerdictSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one report shows, computed before anything is written, so each writer (CSV, charts,
 * HTML) only formats.
 *
 * @param title the page title
 * @param generatedAt when the report was rendered (ISO-8601)
 * @param results the cells read
 * @param cores the core counts used for oversubscription
 * @param verdicts one per mapbench workload (empty for foreign JSON)
 * @param verdictSettings the equivalence margin and levels the verdicts were decided with
 * @param forkSpread the run's between-fork spread the verdicts rest on
 * @param provenance why each cell got each fork (the run folders' forks.csv), to show how verdicts were reached
 * @param calibrations the harness-overhead ratios, one per size and distribution whose cells were measured
 * @param mapbenchCharts the mapbench chart groups (empty for foreign JSON)
 * @param genericCharts chart groups for the benchmarks that are not the workload benchmark
 * @param correctness the hazard rates of the last test run, if found
 * @param linearizability the Lincheck outcomes of the last test run, if found
 * @param correctnessLocation where correctness results were looked for
 * @param rawFiles links to the copies of the input JSON files
 * @param latency read and write percentiles of the latency cells (empty when there are none)
 * @param latencyCharts their charts
 * @param gcSweep the GC sweep's cells by workload, with their pauses
 * @param flameGraphs the flame graphs found under the run folders' profiles/, per cell
 * @param footprints the run folders' footprint.json files, with their charts
 * @param comparison the inputs compared against {@code --baseline}, if given
 * @param history the nightly history of {@code --history}, if given
 * @param allocationSplit bytes per read and per write of the workload cells, and the finding on reads that allocate
 * @param png whether the charts were also drawn as PNG
 * @param summary every strategy across every workload, with the decision guide (empty for foreign JSON)
 * @param iteration the iteration cells (walks racing writers) with their verdicts (empty when there are none)
 * @param iterationCharts their charts
 */
public record ReportContent(
        String title,
        String generatedAt,
        ResultSet results,
        CoreCount cores,
        List<WorkloadVerdict> verdicts,
        VerdictSettings verdictSettings,
        SpreadByThreads forkSpread,
        ForkProvenance provenance,
        List<Calibration> calibrations,
        List<ChartGroup> mapbenchCharts,
        List<ChartGroup> genericCharts,
        Optional<CorrectnessResults> correctness,
        Optional<LinearizabilityResults> linearizability,
        Path correctnessLocation,
        List<Link> rawFiles,
        List<LatencyResults.Row> latency,
        List<ChartSpec> latencyCharts,
        List<GcSweepResults.SweepWorkload> gcSweep,
        FlameGraphIndex.Index flameGraphs,
        List<Footprint> footprints,
        Optional<Comparison> comparison,
        Optional<CellHistory> history,
        AllocationSplit allocationSplit,
        boolean png,
        Summary summary,
        IterationResults iteration,
        List<ChartSpec> iterationCharts,
        SteadyStateSummary steadyState) {

    /** A link in the report: shown text and a relative href. */
    public record Link(String name, String href) {
    }

    /**
     * One footprint.json and its charts (one per size).
     *
     * @param results what the file holds
     * @param raw the link to its copy in the report folder
     * @param chartPrefix the prefix of its chart ids ({@code FootprintCharts.id(prefix, size)})
     * @param charts its charts
     */
    public record Footprint(FootprintResults results, Link raw, String chartPrefix, List<ChartSpec> charts) {

        /** Copies the list. */
        public Footprint {
            charts = List.copyOf(charts);
        }
    }

    /** The charts of the Charts section, mapbench ones first. */
    public List<ChartGroup> measurementChartGroups() {
        return Stream.concat(mapbenchCharts.stream(), genericCharts.stream()).toList();
    }

    /** One colour and marker per strategy (or other series) for every chart and table of this report. */
    public StrategyPalette palette() {
        return StrategyPalette.forCharts(allCharts());
    }

    /** Every chart file the report draws: the Charts section's, the latency's, the iteration's, the footprint's and the history's. */
    public List<ChartSpec> allCharts() {
        Stream<ChartSpec> measurements = Stream.concat(Stream.concat(
                measurementChartGroups().stream().flatMap(group -> group.charts().stream()), latencyCharts.stream()),
                iterationCharts.stream());
        Stream<ChartSpec> footprint = footprints.stream().flatMap(one -> one.charts().stream());
        Stream<ChartSpec> historyCharts = history.stream()
                .flatMap(one -> Stream.concat(one.summaryChart().stream(), one.charts().stream()));
        return Stream.of(measurements, footprint, historyCharts).flatMap(stream -> stream).toList();
    }
}
