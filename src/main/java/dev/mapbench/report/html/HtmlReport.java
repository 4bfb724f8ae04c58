package dev.mapbench.report.html;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.mapbench.compare.ComparisonHtml;
import dev.mapbench.report.ReportContent;
import dev.mapbench.report.StrategyGroups;
import dev.mapbench.report.WorkloadVerdict;
import dev.mapbench.stats.Verdicts;
import dev.mapbench.report.chart.ChartGroup;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.results.Machine;
import dev.mapbench.results.RunEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the report page from {@code report-templates/index.mustache} with JMustache, HTML
 * escaping on: every benchmark name and param value reaches the page as text. The stylesheet and
 * script are resource files inlined into the page, so it opens offline with no requests.
 */
public final class HtmlReport {

    /** The classpath folder the build copies {@code report-templates/} into. */
    static final String TEMPLATES = "/report-templates/";

    private final Template template;
    private final String css;
    private final String script;

    /** Loads and compiles the templates. */
    public HtmlReport() {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
                .withLoader(name -> new java.io.StringReader(resource(name + ".mustache")));
        this.template = compiler.compile(resource("index.mustache"));
        this.css = resource("report.css");
        this.script = resource("report.js");
    }

    /** Writes the page for {@code content}. */
    public void write(ReportContent content, Writer out) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", content.title());
        page.put("generatedAt", content.generatedAt());
        page.put("css", css);
        page.put("script", script);
        page.put("cellCount", content.results().cells().size());
        page.put("inputCount", content.results().inputs().size());
        page.put("isMapbench", !content.verdicts().isEmpty());
        StrategyGroups groups = StrategyGroups.of(content.results());
        page.put("summary", SummaryView.of(content.summary(), content.palette()));
        List<Map<String, Object>> legend = groups.legend(content.results().cells().stream()
                .filter(BenchmarkCell::isWorkloadCell).map(cell -> cell.params().get(Benchmarks.STRATEGY_PARAM))
                .filter(Objects::nonNull).toList());
        page.put("verdicts", VerdictRows.of(content.verdicts(), content.provenance(), groups, legend.size() > 1));
        page.put("strategyGroups", legend);
        page.put("hasStrategyGroups", !legend.isEmpty());
        page.put("marginPercent", dev.mapbench.report.DecisionGuide.marginPercent(content.verdictSettings().margin()));
        page.put("verdictMethod", Verdicts.methodStatement(content.verdictSettings(), content.forkSpread()));
        long open = content.verdicts().stream().filter(verdict -> !verdict.oversubscribed()).count();
        long decided = content.verdicts().stream().filter(WorkloadVerdict::decided).count();
        page.put("decidedSummary", String.format(java.util.Locale.ROOT, "%d of %d workloads that do not oversubscribe "
                + "the machine are decided (no strategy undecided).", decided, open));
        page.put("coreNote", content.cores().note());
        page.put("steadyState", content.steadyState().describe());
        page.put("calibration", content.calibrations().isEmpty() ? null
                : Map.of("rows", content.calibrations().stream().map(PageSections::calibration).toList()));
        page.put("chartGroups", chartGroups(content.measurementChartGroups(), content.png()));
        page.put("png", content.png());
        page.put("comparison", content.comparison().map(ComparisonHtml::model).orElse(null));
        page.put("footprints", content.footprints().stream().map(footprint -> FootprintTables.of(footprint, content.png())).toList());
        page.put("hasFootprints", !content.footprints().isEmpty());
        page.put("history", content.history().map(history -> HistoryView.of(history, content.png())).orElse(null));
        page.put("allocationSplit", AllocationSplitView.of(content.allocationSplit()));
        page.put("method", PageSections.method(content));
        page.put("environments", environments(content.results()));
        List<String> environmentsDiffer = environmentsDiffer(content.results().distinctEnvironments());
        page.put("environmentsDiffer", environmentsDiffer);
        page.put("hasEnvironmentsDiffer", !environmentsDiffer.isEmpty());
        page.put("correctness", CorrectnessView.of(content));
        page.put("duplicates", content.results().duplicates().stream().map(duplicate -> Map.of(
                "cell", duplicate.key().toString(), "kept", duplicate.kept().toString(),
                "dropped", duplicate.dropped().toString())).toList());
        page.put("hasDuplicates", !content.results().duplicates().isEmpty());
        page.put("benchmarks", BenchmarkTables.of(content));
        page.put("rawFiles", content.rawFiles());
        page.put("resultsCsv", CsvReport.RESULTS_FILE);
        page.put("samplesCsv", CsvReport.SAMPLES_FILE);
        page.put("latencyRows", DeepMeasurementTables.latency(content.latency(), content.cores()));
        page.put("hasLatency", !content.latency().isEmpty());
        page.put("latencyCharts", content.latencyCharts().stream().map(chart -> Figures.of(chart, content.png())).toList());
        page.put("gcSweep", DeepMeasurementTables.gcSweep(content.gcSweep(), content.cores()));
        page.put("hasGcSweep", !content.gcSweep().isEmpty());
        page.put("flameGraphs", DeepMeasurementTables.flameGraphs(content.flameGraphs()));
        page.put("hasFlameGraphs", !content.flameGraphs().cells().isEmpty());
        page.put("profilerNotes", content.flameGraphs().notes());
        page.put("iteration", IterationView.of(content.iteration(), content.iterationCharts(), content.cores(), content.png()));
        template.execute(page, out);
    }

    private static List<Map<String, Object>> chartGroups(List<ChartGroup> groups, boolean png) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (ChartGroup group : groups) {
            views.add(Map.of("heading", group.heading(), "description", group.description(),
                    "charts", group.charts().stream().map(chart -> Figures.of(chart, png)).toList()));
        }
        return views;
    }

    /** Each env.json the cells came from (one per shard of a merged run), with how many cells it measured. */
    private static List<Map<String, Object>> environments(dev.mapbench.results.ResultSet results) {
        return results.distinctEnvironments().stream()
                .sorted(java.util.Comparator.comparing(environment -> environment.source().toString()))
                .map(environment -> Map.<String, Object>of(
                "source", environment.source().toString(),
                "cells", results.cells().stream().filter(cell -> results.environmentOf(cell)
                        .filter(environment::equals).isPresent()).count(),
                "properties", environment.properties().entrySet().stream()
                        .map(entry -> Map.of("key", entry.getKey(), "value", entry.getValue())).toList()))
                .toList();
    }

    /** The identity fields ({@link Machine}) on which the cells' environments disagree, e.g. {@code cpuModel: A | B}. */
    static List<String> environmentsDiffer(List<RunEnvironment> environments) {
        return Machine.differences(environments.stream().map(environment -> environment.env().machine().identity())
                .toList()).stream().map(difference -> difference.field() + ": "
                        + String.join(" | ", difference.values().stream().distinct().sorted().toList())).toList();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
