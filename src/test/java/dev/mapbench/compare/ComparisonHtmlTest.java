package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.html.ComparisonHtml;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report section renders the comparison from the template, escaping what it shows. */
class ComparisonHtmlTest {

    private static final double[] FORKS = {10, 10.1, 9.9, 10.05, 9.95, 10.02};

    @Test
    void sectionShowsOutcomeAndEscapesHostileNames() {
        String hostile = "w strategy=<script>alert(1)</script>";
        CellSample base = new CellSample(hostile, "S", CellSample.PRIMARY, "ops/us", 1, FORKS);
        CellSample cand = new CellSample(hostile, "S", CellSample.PRIMARY, "ops/us", 1,
                java.util.Arrays.stream(FORKS).map(v -> v * 0.6).toArray());
        Comparison comparison = new RunComparator(GateSettings.defaults()).compare(
                new RunSide("base", List.of(base), Map.of("gc", "G1"), 2, false),
                new RunSide("cand", List.of(cand), Map.of("gc", "ZGC"), 2, false));
        String page = ComparisonHtml.renderPage(comparison);
        assertTrue(page.contains("RESULT: REGRESSION in 1 cell metric"), page);
        assertTrue(page.contains("class=\"verdict-regression\""), page);
        assertTrue(page.contains("gc: baseline G1 vs candidate ZGC"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>alert(1)"), page);
    }
}
