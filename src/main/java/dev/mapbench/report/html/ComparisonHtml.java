package dev.mapbench.report.html;

import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.StrategySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as HTML: {@link #model} is what {@code report-templates/comparison-section.mustache}
 * renders (every value a formatted string, escaped by Mustache), embedded in the report's page or alone
 * in {@code comparison-page.mustache} (the comparison CLI's {@code --html}); the A/B page reuses its rows.
 */
public final class ComparisonHtml {

    static final String SECTION_TEMPLATE = "comparison-section.mustache";
    static final String PAGE_TEMPLATE = "comparison-page.mustache";

    private ComparisonHtml() {
    }

    /** The template model of the comparison section. */
    public static Map<String, Object> model(Comparison comparison) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("outcome", comparison.outcome());
        model.put("regression", comparison.hasRegression());
        model.put("baseline", comparison.baselineLabel());
        model.put("candidate", comparison.candidateLabel());
        model.put("environmentWarnings", comparison.environmentWarnings());
        model.put("hasEnvironmentWarnings", !comparison.environmentWarnings().isEmpty());
        model.put("notes", comparison.notes());
        model.put("method", comparison.methodStatement());
        model.put("origins", comparison.originLines());
        model.put("mixedOrigins", comparison.mixedOrigins());
        List<Map<String, Object>> strategies = new ArrayList<>();
        for (StrategySummary summary : comparison.strategies()) {
            strategies.add(Map.of("strategy", summary.strategy(), "cells", summary.cells(),
                    "speed", summary.speedText(), "worse", summary.significantlyWorse(),
                    "regressions", summary.regressions()));
        }
        model.put("strategies", strategies);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellComparison cell : comparison.cells()) {
            cells.add(row(cell, comparison.mixedOrigins()));
        }
        model.put("cells", cells);
        model.put("onlyInBaseline", comparison.onlyInBaseline().size());
        model.put("onlyInCandidate", comparison.onlyInCandidate().size());
        return model;
    }

    /**
     * One cell's row for the templates: cell, origin, metric, unit, both medians, change, q, verdict and its
     * CSS class ({@code showOrigin} when the comparison's cells came from several machines).
     */
    public static Map<String, Object> row(CellComparison cell, boolean showOrigin) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cell", cell.cell());
        row.put("origin", cell.originText());
        row.put("showOrigin", showOrigin);
        row.put("metric", cell.metric());
        row.put("unit", cell.unit());
        row.put("baseline", Numbers.median(cell.baselineMedian()));
        row.put("candidate", Numbers.median(cell.candidateMedian()));
        row.put("change", Numbers.signedPercent(cell.changePercent()));
        row.put("q", Numbers.probability(cell.qValue()));
        row.put("verdict", cell.verdictText());
        row.put("verdictClass", cell.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return row;
    }

    /** The section alone, for embedding in the report's page. */
    public static String renderSection(Comparison comparison) {
        return Templates.compile(SECTION_TEMPLATE).execute(model(comparison));
    }

    /** A self-contained page holding only the section (the CLI's {@code --html}). */
    public static String renderPage(Comparison comparison) {
        return Templates.compile(PAGE_TEMPLATE).execute(Map.of("section", renderSection(comparison)));
    }
}
