package dev.mapbench.report.html;

import com.samskivert.mustache.Template;
import dev.mapbench.report.model.AllocationSplit;
import dev.mapbench.report.model.Calibrations;
import dev.mapbench.report.model.CellHistory;
import dev.mapbench.report.model.ChartGroup;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Correctness;
import dev.mapbench.report.model.Environments;
import dev.mapbench.report.model.FlameGraphLinks;
import dev.mapbench.report.model.Footprints;
import dev.mapbench.report.model.GcSweep;
import dev.mapbench.report.model.Iteration;
import dev.mapbench.report.model.IterationResults;
import dev.mapbench.report.model.Latency;
import dev.mapbench.report.model.MeasurementCharts;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.report.model.ReportModel;
import dev.mapbench.report.model.RunInputs;
import dev.mapbench.report.model.RoleThroughput;
import dev.mapbench.report.model.SteadyStateSummary;
import dev.mapbench.report.model.StrategyOrigins;
import dev.mapbench.report.model.Summary;
import dev.mapbench.report.model.UncheckedState;
import dev.mapbench.report.model.UnmeasuredCells;
import dev.mapbench.report.model.VerdictTable;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.ResultSet;
import dev.mapbench.stats.VerdictSettings;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML format's front door: renders a {@link ReportModel} as the report page from
 * {@code report-templates/index.mustache}, HTML escaping on, so every benchmark name and param value reaches
 * the page as text. The stylesheet and script are resource files inlined into the page, so it opens offline
 * with no requests. A section the model lacks is left out (or shown empty), so a model built in memory with
 * only some sections renders too.
 */
public final class HtmlReport {

    private final Template template;
    private final String css;
    private final String script;

    /** Loads and compiles the templates. */
    public HtmlReport() {
        this.template = Templates.compile("index.mustache");
        this.css = Templates.resource("report.css");
        this.script = Templates.resource("report.js");
    }

    /** Writes the page of {@code model}. */
    public void write(ReportModel model, Writer out) {
        RunInputs inputs = model.section(RunInputs.class).orElseGet(HtmlReport::noInputs);
        ResultSet results = inputs.results();
        CoreCount cores = inputs.cores();
        boolean png = model.png();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", model.title());
        page.put("generatedAt", model.generatedAt());
        page.put("css", css);
        page.put("script", script);
        page.put("cellCount", results.cells().size());
        page.put("inputCount", results.inputs().size());
        verdicts(model.section(VerdictTable.class), page);
        List<String> unmeasured = model.section(UnmeasuredCells.class).map(UnmeasuredCells::lines).orElse(List.of());
        page.put("unmeasured", unmeasured.isEmpty() ? null : Map.of("cells", unmeasured));
        List<String> unchecked = model.section(UncheckedState.class).map(UncheckedState::cells).orElse(List.of());
        page.put("unchecked", unchecked.isEmpty() ? null : Map.of("count", unchecked.size()));
        page.put("summary", SummaryView.of(model.section(Summary.class).orElseGet(Summary::empty), model.palette()));
        page.put("coreNote", cores.note());
        page.put("traces", model.section(dev.mapbench.report.model.TraceReplays.class).map(TraceView::of).orElse(List.of()));
        List<Map<String, Object>> roles = model.section(RoleThroughput.class).map(RoleThroughput::rows).orElse(List.of())
                .stream().map(HtmlReport::roleRow).toList();
        page.put("roles", roles);
        page.put("hasRoles", !roles.isEmpty());
        page.put("steadyState", model.section(SteadyStateSummary.class).map(SteadyStateSummary::describe).orElse(""));
        List<Map<String, Object>> calibrations = model.section(Calibrations.class).map(Calibrations::rows).orElse(List.of())
                .stream().map(PageSections::calibration).toList();
        page.put("calibration", calibrations.isEmpty() ? null : Map.of("rows", calibrations));
        page.put("chartGroups", chartGroups(model.section(MeasurementCharts.class).map(MeasurementCharts::groups)
                .orElse(List.of()), png));
        page.put("png", png);
        page.put("comparison", model.section(Comparison.class).map(ComparisonHtml::model).orElse(null));
        List<Footprints.Footprint> footprints = model.section(Footprints.class).map(Footprints::files).orElse(List.of());
        page.put("footprints", footprints.stream().map(footprint -> FootprintTables.of(footprint, png)).toList());
        page.put("hasFootprints", !footprints.isEmpty());
        page.put("history", model.section(CellHistory.class).map(history -> HistoryView.of(history, png)).orElse(null));
        page.put("allocationSplit", model.section(AllocationSplit.class).map(AllocationSplitView::of).orElse(null));
        page.put("method", PageSections.method(results));
        environments(model.section(Environments.class).orElseGet(() -> new Environments(List.of(), List.of())), page);
        page.put("correctness", model.section(Correctness.class).map(CorrectnessView::of).orElse(null));
        page.put("duplicates", results.duplicates().stream().map(duplicate -> Map.of(
                "cell", duplicate.key().toString(), "kept", duplicate.kept().toString(),
                "dropped", duplicate.dropped().toString())).toList());
        page.put("hasDuplicates", !results.duplicates().isEmpty());
        page.put("benchmarks", BenchmarkTables.of(results.cells(), cores));
        page.put("rawFiles", inputs.rawFiles());
        page.put("resultsCsv", ReportFiles.RESULTS_CSV);
        page.put("samplesCsv", ReportFiles.SAMPLES_CSV);
        Latency latency = model.section(Latency.class).orElseGet(() -> new Latency(List.of(), List.of()));
        page.put("latencyRows", DeepMeasurementTables.latency(latency.rows(), cores));
        page.put("hasLatency", !latency.rows().isEmpty());
        page.put("latencyCharts", latency.charts().stream().map(chart -> Figures.of(chart, png)).toList());
        GcSweep gcSweep = model.section(GcSweep.class).orElseGet(() -> new GcSweep(List.of()));
        page.put("gcSweep", DeepMeasurementTables.gcSweep(gcSweep.workloads(), cores));
        page.put("hasGcSweep", !gcSweep.workloads().isEmpty());
        FlameGraphLinks flameGraphs = model.section(FlameGraphLinks.class).orElseGet(() -> new FlameGraphLinks(List.of(), List.of()));
        page.put("flameGraphs", DeepMeasurementTables.flameGraphs(flameGraphs));
        page.put("hasFlameGraphs", !flameGraphs.cells().isEmpty());
        page.put("profilerNotes", flameGraphs.notes());
        Iteration iteration = model.section(Iteration.class)
                .orElseGet(() -> new Iteration(IterationResults.none(), List.of()));
        page.put("iteration", IterationView.of(iteration.results(), iteration.charts(), cores, png));
        template.execute(page, out);
    }

    private static Map<String, Object> roleRow(RoleThroughput.Row row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workload", row.workload());
        view.put("threads", row.threads());
        view.put("strategy", row.strategy());
        view.put("role", row.role());
        view.put("roleThreads", row.roleThreads() > 0 ? Integer.toString(row.roleThreads()) : "?");
        view.put("throughput", Numbers.measured(row.throughput().score(), row.throughput().scoreError()) + " "
                + row.throughput().unit());
        view.put("share", Numbers.share(100 * row.share()));
        view.put("latency", RoleThroughput.LATENCY_PERCENTILES.stream()
                .map(p -> row.latency() == null ? "—" : Numbers.number(row.latency().percentile(p))).toList());
        view.put("latencyUnit", row.latency() == null ? "" : row.latency().unit());
        return view;
    }

    /** The verdict table's part of the page; without verdicts the page is the generic report. */
    private static void verdicts(Optional<VerdictTable> section, Map<String, Object> page) {
        List<WorkloadVerdict> verdicts = section.map(VerdictTable::verdicts).orElse(List.of());
        StrategyOrigins origins = section.map(VerdictTable::origins).orElseGet(StrategyOrigins::none);
        page.put("isMapbench", !verdicts.isEmpty());
        page.put("verdicts", section.map(table -> VerdictRows.of(verdicts, table.provenance(), origins,
                origins.groups().size() > 1)).orElse(List.of()));
        page.put("strategyGroups", origins.groups().stream().map(group -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", group.group());
            entry.put("strategies", group.strategies());
            return entry;
        }).toList());
        page.put("hasStrategyGroups", !origins.groups().isEmpty());
        double margin = section.map(VerdictTable::settings).orElseGet(VerdictSettings::defaults).margin();
        page.put("marginPercent", Numbers.plain(margin * 100));
        page.put("verdictMethod", section.map(VerdictTable::method).orElse(""));
        long open = verdicts.stream().filter(verdict -> !verdict.oversubscribed()).count();
        long decided = verdicts.stream().filter(WorkloadVerdict::decided).count();
        page.put("decidedSummary", String.format(Locale.ROOT, "%d of %d workloads that do not oversubscribe "
                + "the machine are decided (no strategy undecided).", decided, open));
    }

    private static List<Map<String, Object>> chartGroups(List<ChartGroup> groups, boolean png) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (ChartGroup group : groups) {
            views.add(Map.of("heading", group.heading(), "description", group.description(),
                    "charts", group.charts().stream().map(chart -> Figures.of(chart, png)).toList()));
        }
        return views;
    }

    /** Each env.json the cells came from, with how many cells it measured, and where they disagree. */
    private static void environments(Environments environments, Map<String, Object> page) {
        page.put("environments", environments.entries().stream().map(entry -> Map.<String, Object>of(
                "source", entry.source(), "cells", entry.cells(),
                "properties", entry.properties().entrySet().stream()
                        .map(property -> Map.of("key", property.getKey(), "value", property.getValue())).toList()))
                .toList());
        page.put("environmentsDiffer", environments.differences());
        page.put("hasEnvironmentsDiffer", !environments.differences().isEmpty());
    }

    private static RunInputs noInputs() {
        ResultSet none = new ResultSet(List.of(), List.of(), Map.of(), List.of(), List.of());
        return new RunInputs(none, new CoreCount(none, Runtime.getRuntime().availableProcessors()), List.of());
    }
}
