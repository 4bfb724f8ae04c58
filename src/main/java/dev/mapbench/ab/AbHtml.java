package dev.mapbench.ab;

import com.samskivert.mustache.Mustache;
import dev.mapbench.compare.CellComparison;
import dev.mapbench.compare.CellFormat;
import dev.mapbench.compare.ComparisonHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The A/B's HTML page ({@code ab.html}), rendered from {@code report-templates/ab-page.mustache}. */
public final class AbHtml {

    static final String TEMPLATE = "ab-page.mustache";

    private AbHtml() {
    }

    /** The template model: every value a pre-formatted string, escaped by Mustache. */
    static Map<String, Object> model(AbSummary summary, AbDecision.Result result) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("baselineRef", summary.baselineRef());
        model.put("candidateRef", summary.candidateRef());
        model.put("outcome", result.outcome());
        model.put("failing", result.exitCode() != AbDecision.NO_REGRESSION);
        model.put("unstable", !result.unstableShards().isEmpty());
        model.put("unstableShards", String.join(", ", result.unstableShards()));
        model.put("header", AbRender.header(summary));
        List<Map<String, Object>> ruler = new ArrayList<>();
        for (RulerCheck check : result.ruler()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shard", check.shard());
            row.put("cell", check.cell());
            row.put("baseline", CellFormat.median(check.baseline()));
            row.put("candidate", CellFormat.median(check.candidate()));
            row.put("p", CellFormat.probability(check.pValue()));
            row.put("q", CellFormat.probability(check.qValue()));
            row.put("status", (check.unstable() ? "UNSTABLE: " : "") + check.reason());
            row.put("unstable", check.unstable());
            ruler.add(row);
        }
        model.put("ruler", ruler);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellComparison cell : result.comparison().cells()) {
            Map<String, Object> row = new LinkedHashMap<>(ComparisonHtml.row(cell, result.comparison().mixedOrigins()));
            row.put("statement", result.statement(cell));
            cells.add(row);
        }
        model.put("cells", cells);
        model.put("method", AbRender.method(result));
        return model;
    }

    /** The self-contained page. */
    public static String render(AbSummary summary, AbDecision.Result result) {
        return Mustache.compiler().escapeHTML(true).compile(template(TEMPLATE)).execute(model(summary, result));
    }

    /** A file of {@code report-templates/} (a template or report.css): from the class path, else the folder. */
    public static String template(String name) {
        try (InputStream resource = AbHtml.class.getResourceAsStream("/report-templates/" + name)) {
            if (resource != null) {
                return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path folder = Path.of(System.getProperty(ComparisonHtml.TEMPLATES_PROPERTY, "report-templates"));
            return Files.readString(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
