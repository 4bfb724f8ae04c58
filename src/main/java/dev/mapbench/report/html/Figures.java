package dev.mapbench.report.html;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.ReportFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chart as the page shows it ({@code figure.mustache}): the SVG, its one title, and the PNG when drawn. */
final class Figures {

    private Figures() {
    }

    static Map<String, Object> of(ChartSpec chart, boolean png) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("id", chart.id());
        figure.put("title", chart.title());
        figure.put("subtitle", chart.subtitle().isBlank() ? null : chart.subtitle());
        figure.put("svg", ReportFiles.chartSvg(chart.id()));
        figure.put("png", png ? ReportFiles.chartPng(chart.id()) : null);
        return figure;
    }
}
