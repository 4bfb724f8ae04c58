package dev.mapbench.report.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.InMemoryModels;
import dev.mapbench.report.model.ReportModel;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML format renders a model built in memory, with no analysis and no input file. */
class HtmlReportTest {

    private static String page(ReportModel model) {
        StringWriter out = new StringWriter();
        new HtmlReport().write(model, out);
        return out.toString();
    }

    @Test
    void aVerdictTableBuiltInMemoryRendersWithTheOneNumberFormat() {
        String html = page(ReportModel.builder("in memory", "2026-01-01T00:00:00Z").add(InMemoryModels.noCells())
                .add(InMemoryModels.oneWorkload()).build());
        assertTrue(html.contains("<section id=\"verdicts\">"), "the verdict table");
        assertTrue(html.contains("<td class=\"best\">CONCURRENT_HASHMAP<br><span class=\"how\">1,235 ops/us, 6 forks"), html);
        assertTrue(html.contains("SYNCHRONIZED_MAP 0.300× <span class=\"how\">[0.250×, 0.360×], 6 forks"), html);
        assertTrue(html.contains("±2.5 % of the best"), "the margin the verdicts were decided with");
        assertTrue(html.contains("decided in memory"), "the method statement the analysis wrote");
    }

    @Test
    void aModelWithoutSectionsIsTheGenericReport() {
        String html = page(ReportModel.builder("nothing <measured>", "now").build());
        assertTrue(html.contains("<title>nothing &lt;measured&gt;</title>"), "titles are escaped");
        assertTrue(html.contains("<section id=\"generic\">"));
        assertFalse(html.contains("<section id=\"comparison\""), "no comparison without one");
    }

    @Test
    void aComparisonBuiltInMemoryRendersInTheReportAndAlone() {
        String report = page(ReportModel.builder("t", "now").add(InMemoryModels.oneCell()).build());
        assertTrue(report.contains("<a href=\"#comparison\">Comparison</a>"));
        String alone = ComparisonHtml.renderPage(InMemoryModels.oneCell());
        for (String html : List.of(report, alone)) {
            assertTrue(html.contains("1,235 (1 fork)") && html.contains("2,000 (1 fork)"), html);
            assertTrue(html.contains("untested (not gated: too few forks to test)"), html);
        }
    }

    @Test
    void theAbPageReusesTheComparisonRowsAndEscapes() {
        String html = AbHtml.render(InMemoryModels.passedAb());
        assertTrue(html.contains("feature &lt;b&gt;"), html);
        assertTrue(html.contains("1,235 (1 fork)"), "the comparison's row");
        assertTrue(html.contains("RESULT: no regression (1 cell)"));
    }

    @Test
    void theOneLoaderEscapesAndRendersMissingValuesEmpty() {
        String out = Templates.compile("figure.mustache").execute(Map.of("title", "<b>x</b>", "svg", "charts/a.svg"));
        assertTrue(out.contains("&lt;b&gt;x&lt;/b&gt;"), out);
        assertFalse(out.contains("null"), "a missing value renders empty: " + out);
    }
}
