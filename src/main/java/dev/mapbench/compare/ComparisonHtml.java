package dev.mapbench.compare;

import dev.mapbench.report.model.StrategySummary;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.Numbers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
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

/**
 * The HTML section of the report for a {@link Comparison}: {@link #model} is what the template
 * {@code report-templates/comparison-section.mustache} renders (every value a pre-formatted string,
 * escaped by Mustache), so the report can embed the section in its own page.
 */
public final class ComparisonHtml {

    /** Where the templates live when they are not on the class path. */
    public static final String TEMPLATES_PROPERTY = "mapbench.templates";
    static final String SECTION_TEMPLATE = "comparison-section.mustache";
    static final String PAGE_TEMPLATE = "comparison-page.mustache";

    private ComparisonHtml() {
    }

    /** The template model of the comparison section. */
    public static Map<String, Object> model(Comparison comparison) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("outcome", CellFormat.outcome(comparison));
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
                    "speed", CellFormat.ratio(summary), "worse", summary.significantlyWorse(),
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
        row.put("origin", CellFormat.origin(cell));
        row.put("showOrigin", showOrigin);
        row.put("metric", cell.metric());
        row.put("unit", cell.unit());
        row.put("baseline", Numbers.median(cell.baselineMedian()));
        row.put("candidate", Numbers.median(cell.candidateMedian()));
        row.put("change", Numbers.signedPercent(cell.changePercent()));
        row.put("q", Numbers.probability(cell.qValue()));
        row.put("verdict", CellFormat.verdict(cell));
        row.put("verdictClass", cell.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return row;
    }

    /** The section alone, for embedding in the report's page. */
    public static String renderSection(Comparison comparison) {
        return template(SECTION_TEMPLATE).execute(model(comparison));
    }

    /** A self-contained page holding only the section (the CLI's {@code --html}). */
    public static String renderPage(Comparison comparison) {
        return template(PAGE_TEMPLATE).execute(Map.of("section", renderSection(comparison)));
    }

    private static Template template(String name) {
        return Mustache.compiler().escapeHTML(true).compile(load(name));
    }

    private static String load(String name) {
        // The build copies report-templates/ onto the class path; scripts also name the folder.
        try (InputStream resource = ComparisonHtml.class.getResourceAsStream("/report-templates/" + name)) {
            if (resource != null) {
                return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path folder = Path.of(System.getProperty(TEMPLATES_PROPERTY, "report-templates"));
            return Files.readString(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
