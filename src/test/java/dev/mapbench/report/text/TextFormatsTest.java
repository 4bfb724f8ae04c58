package dev.mapbench.report.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.InMemoryModels;
import org.junit.jupiter.api.Test;

/** The text and Markdown formats render a comparison and an A/B built in memory. */
class TextFormatsTest {

    @Test
    void comparisonTextAndMarkdownPrintValuesAsTheReportDoes() {
        String text = ComparisonText.render(InMemoryModels.oneCell());
        assertTrue(text.contains("1,235 (1 fork)") && text.contains("2,000 (1 fork)"), text);
        assertTrue(text.contains("x1.620 (+62.0 %)"), "the strategy's speed");
        assertTrue(text.contains("RESULT: no regression (1 cell metrics compared, 1 not gated: 1 too few forks to test)"), text);
        String markdown = ComparisonMarkdown.render(InMemoryModels.oneCell());
        assertTrue(markdown.contains("| 1,235 (1 fork) | 2,000 (1 fork) | +62.0 % | - |"), markdown);
    }

    @Test
    void abTextAndMarkdownTakeEverySentenceFromTheModel() {
        String text = AbText.render(InMemoryModels.passedAb());
        assertTrue(text.startsWith("RESULT: no regression (1 cell)\n\nbaseline:  main (0123)\n"), text);
        assertTrue(text.contains("method: decided in memory"), text);
        assertFalse(text.contains("MACHINE UNSTABLE"));
        String markdown = AbMarkdown.render(InMemoryModels.passedAb());
        assertTrue(markdown.startsWith("## mapbench A/B: `feature &lt;b&gt;` against `main`"), markdown);
        assertTrue(markdown.contains("**:white_check_mark: RESULT: no regression (1 cell)**"), markdown);
    }
}
