package dev.mapbench.report.html;

import dev.mapbench.report.model.AbReport;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.RulerCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The A/B's HTML page ({@code ab.html}), rendered from {@code report-templates/ab-page.mustache}. */
public final class AbHtml {

    static final String TEMPLATE = "ab-page.mustache";

    private AbHtml() {
    }

    /** The template model: every value a formatted string, escaped by Mustache; the cells are the comparison's rows. */
    static Map<String, Object> model(AbReport report) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("baselineRef", report.baselineRef());
        model.put("candidateRef", report.candidateRef());
        model.put("outcome", report.outcome());
        model.put("failing", report.status() != AbReport.Status.NO_REGRESSION);
        model.put("unstable", !report.unstableShards().isEmpty());
        model.put("unstableShards", String.join(", ", report.unstableShards()));
        model.put("header", report.header());
        List<Map<String, Object>> ruler = new ArrayList<>();
        for (RulerCheck check : report.ruler()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shard", check.shard());
            row.put("cell", check.cell());
            row.put("baseline", Numbers.median(check.baseline()));
            row.put("candidate", Numbers.median(check.candidate()));
            row.put("p", Numbers.probability(check.pValue()));
            row.put("q", Numbers.probability(check.qValue()));
            row.put("status", (check.unstable() ? "UNSTABLE: " : "") + check.reason());
            row.put("unstable", check.unstable());
            ruler.add(row);
        }
        model.put("ruler", ruler);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellComparison cell : report.comparison().cells()) {
            Map<String, Object> row = new LinkedHashMap<>(ComparisonHtml.row(cell, report.comparison().mixedOrigins()));
            row.put("statement", report.statement(cell));
            cells.add(row);
        }
        model.put("cells", cells);
        model.put("method", report.method());
        return model;
    }

    /** The self-contained page. */
    public static String render(AbReport report) {
        return Templates.compile(TEMPLATE).execute(model(report));
    }
}
