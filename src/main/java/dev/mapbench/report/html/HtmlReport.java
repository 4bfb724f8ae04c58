package dev.mapbench.report.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.mapbench.compare.ComparisonHtml;
import dev.mapbench.report.ReportContent;
import dev.mapbench.report.Significance;
import dev.mapbench.report.StrategyGroups;
import dev.mapbench.report.Workload;
import dev.mapbench.report.chart.ChartGroup;
import dev.mapbench.report.csv.CsvReport;
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
        page.put("verdicts", VerdictRows.of(content.verdicts(), groups));
        List<Map<String, Object>> legend = groups.legend(content.results().cells().stream()
                .filter(Workload::isWorkloadCell).map(cell -> cell.params().get(Workload.STRATEGY))
                .filter(Objects::nonNull).toList());
        page.put("strategyGroups", legend);
        page.put("hasStrategyGroups", !legend.isEmpty());
        page.put("significanceMethod", "A margin is significant when, with at least " + Significance.MIN_FORKS_FOR_RANK_TEST
                + " forks per strategy, a two-sided Mann–Whitney U test on the per-fork means gives p < "
                + Significance.ALPHA + "; with fewer forks, when the two JMH 99.9 % confidence intervals do not overlap."
                + " Otherwise the table says \"no significant difference\".");
        page.put("coreNote", content.cores().note());
        page.put("calibration", content.calibrations().isEmpty() ? null
                : Map.of("rows", content.calibrations().stream().map(PageSections::calibration).toList()));
        page.put("chartGroups", chartGroups(content.measurementChartGroups()));
        page.put("comparison", content.comparison().map(ComparisonHtml::model).orElse(null));
        page.put("footprints", content.footprints().stream().map(FootprintTables::of).toList());
        page.put("hasFootprints", !content.footprints().isEmpty());
        page.put("history", content.history().map(HistoryView::of).orElse(null));
        page.put("allocationSplit", AllocationSplitView.of(content.allocationSplit()));
        page.put("method", PageSections.method(content));
        page.put("environments", environments(content.results().distinctEnvironments()));
        page.put("correctness", content.correctness().map(PageSections::correctness).orElse(null));
        page.put("correctnessLocation", content.correctnessLocation().toString());
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
        page.put("latencyCharts", content.latencyCharts().stream().map(chart -> Map.of(
                "title", chart.title() + " — " + chart.subtitle(),
                "svg", "charts/" + chart.id() + ".svg", "png", "charts/" + chart.id() + ".png")).toList());
        page.put("gcSweep", DeepMeasurementTables.gcSweep(content.gcSweep(), content.cores()));
        page.put("hasGcSweep", !content.gcSweep().isEmpty());
        page.put("flameGraphs", DeepMeasurementTables.flameGraphs(content.flameGraphs()));
        page.put("hasFlameGraphs", !content.flameGraphs().cells().isEmpty());
        page.put("profilerNotes", content.flameGraphs().notes());
        template.execute(page, out);
    }

    private static List<Map<String, Object>> chartGroups(List<ChartGroup> groups) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (ChartGroup group : groups) {
            views.add(Map.of("heading", group.heading(), "description", group.description(),
                    "charts", group.charts().stream().map(chart -> Map.of(
                            "title", chart.title() + " — " + chart.subtitle(),
                            "svg", "charts/" + chart.id() + ".svg",
                            "png", "charts/" + chart.id() + ".png")).toList()));
        }
        return views;
    }

    private static List<Map<String, Object>> environments(List<RunEnvironment> environments) {
        return environments.stream().map(environment -> Map.<String, Object>of(
                "source", environment.source().toString(),
                "properties", environment.properties().entrySet().stream()
                        .map(entry -> Map.of("key", entry.getKey(), "value", entry.getValue())).toList()))
                .toList();
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
