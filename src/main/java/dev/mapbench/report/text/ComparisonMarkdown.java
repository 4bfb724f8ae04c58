package dev.mapbench.report.text;

import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.StrategySummary;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Comparison} as GitHub-flavoured Markdown for the CI job summary: the outcome
 * and warnings first, then the per-strategy summary, the cells that changed, and the full table
 * folded away.
 */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    /** The Markdown document. */
    public static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder("## mapbench: comparison against the baseline\n\n");
        out.append(comparison.hasRegression() ? "**:x: " : "**:white_check_mark: ")
                .append(escape(comparison.outcome())).append("**\n\n");
        if (!comparison.environmentWarnings().isEmpty()) {
            out.append("> [!WARNING]\n> **Different environments**: changes may come from the machine or JVM, "
                    + "not the code.\n");
            comparison.environmentWarnings().forEach(w -> out.append("> - ").append(escape(w)).append('\n'));
            out.append('\n');
        }
        out.append("- baseline: `").append(comparison.baselineLabel()).append("`\n");
        out.append("- candidate: `").append(comparison.candidateLabel()).append("`\n");
        comparison.notes().forEach(note -> out.append("- note: ").append(escape(note)).append('\n'));
        comparison.originLines().forEach(line -> out.append("- measured: ").append(escape(line)).append('\n'));
        if (comparison.mixedOrigins()) {
            out.append("\n> [!WARNING]\n> Cells of one side come from several machines or JVMs: each row names its own, "
                    + "and a cell whose sides differ is not gated.\n");
        }
        out.append("\n<sub>").append(escape(comparison.methodStatement())).append("</sub>\n\n");

        out.append("### Per strategy (geometric mean of candidate/baseline speed, >1 = faster)\n\n")
                .append("| strategy | cells | speed | significantly worse | regressions |\n|---|---:|---:|---:|---:|\n");
        for (StrategySummary strategy : comparison.strategies()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d |%n", escape(strategy.strategy()),
                    strategy.cells(), strategy.speedText(), strategy.significantlyWorse(),
                    strategy.regressions()));
        }
        List<CellComparison> changed = comparison.cells().stream()
                .filter(c -> c.verdict() != CellComparison.Verdict.NO_CHANGE
                        && c.verdict() != CellComparison.Verdict.UNTESTED)
                .toList();
        out.append("\n### Cells with a significant change (").append(changed.size()).append(")\n\n");
        appendTable(out, changed, comparison.mixedOrigins());
        out.append("\n<details><summary>All ").append(comparison.cells().size())
                .append(" cell metrics</summary>\n\n");
        appendTable(out, comparison.cells(), comparison.mixedOrigins());
        out.append("\n</details>\n");
        if (!comparison.onlyInBaseline().isEmpty() || !comparison.onlyInCandidate().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nCells only in baseline: %d; only in candidate: %d.%n",
                    comparison.onlyInBaseline().size(), comparison.onlyInCandidate().size()));
        }
        return out.toString();
    }

    private static void appendTable(StringBuilder out, List<CellComparison> cells, boolean withOrigin) {
        appendTable(out, cells, withOrigin,
                cell -> cell.regression() ? "**REGRESSION**" : escape(cell.verdictText()));
    }

    /**
     * The Markdown table of {@code cells} (cell, metric, both medians, change, q, verdict), shared with the
     * A/B's output; {@code verdict} gives each row's last column, already escaped.
     */
    public static void appendTable(StringBuilder out, List<CellComparison> cells, boolean withOrigin,
            java.util.function.Function<CellComparison, String> verdict) {
        if (cells.isEmpty()) {
            out.append("_none_\n");
            return;
        }
        out.append("| cell | metric | baseline median [95% CI] | candidate median [95% CI] | change | q (BH) | verdict |\n")
                .append("|---|---|---:|---:|---:|---:|---|\n");
        for (CellComparison cell : cells) {
            String name = withOrigin ? cell.cell() + " [" + cell.originText() + "]" : cell.cell();
            out.append("| ").append(escape(name)).append(" | ").append(escape(cell.metric()))
                    .append(" (").append(escape(cell.unit())).append(") | ")
                    .append(escape(Numbers.median(cell.baselineMedian()))).append(" | ")
                    .append(escape(Numbers.median(cell.candidateMedian()))).append(" | ")
                    .append(escape(Numbers.signedPercent(cell.changePercent()))).append(" | ")
                    .append(Numbers.probability(cell.qValue())).append(" | ")
                    .append(verdict.apply(cell))
                    .append(" |\n");
        }
    }

    /** Keeps table cells intact and stops Markdown or HTML in benchmark names from rendering. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("\n", " ");
    }
}
