package dev.mapbench.report.text;

import dev.mapbench.report.model.AbReport;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.RulerCheck;
import java.util.List;

/**
 * The A/B as GitHub-flavoured Markdown ({@code ab.md}, the CI job summary and PR comment): the outcome, the
 * ruler, the cells that changed, every cell folded away, the method; the cell tables are the comparison's.
 */
public final class AbMarkdown {

    private AbMarkdown() {
    }

    /** The Markdown report. */
    public static String render(AbReport report) {
        StringBuilder out = new StringBuilder("## mapbench A/B: `").append(escape(report.candidateRef()))
                .append("` against `").append(escape(report.baselineRef())).append("`\n\n");
        String icon = switch (report.status()) {
            case NO_REGRESSION -> ":white_check_mark:";
            case UNSTABLE -> ":warning:";
            case REGRESSION -> ":x:";
        };
        out.append("**").append(icon).append(' ').append(escape(report.outcome())).append("**\n\n");
        if (!report.unstableShards().isEmpty()) {
            out.append("> [!WARNING]\n> **Machine unstable**: the ruler differed between the sides on ")
                    .append(escape(String.join(", ", report.unstableShards())))
                    .append("; nothing is gated. Run the A/B again on a quieter machine.\n\n");
        }
        report.header().forEach(line -> out.append("- ").append(escape(line)).append('\n'));
        out.append("\n### Ruler\n\n| shard | cell | baseline | candidate | q | status |\n|---|---|---:|---:|---:|---|\n");
        for (RulerCheck check : report.ruler()) {
            out.append("| ").append(check.shard()).append(" | ").append(escape(check.cell())).append(" | ")
                    .append(escape(Numbers.median(check.baseline()))).append(" | ")
                    .append(escape(Numbers.median(check.candidate()))).append(" | ")
                    .append(Numbers.probability(check.qValue())).append(" | ")
                    .append(check.unstable() ? "**UNSTABLE**: " : "").append(escape(check.reason())).append(" |\n");
        }
        List<CellComparison> changed = report.comparison().cells().stream()
                .filter(cell -> cell.verdict() != CellComparison.Verdict.NO_CHANGE
                        && cell.verdict() != CellComparison.Verdict.UNTESTED).toList();
        out.append("\n### Cells with a significant change (").append(changed.size()).append(")\n\n");
        cellTable(out, changed, report);
        out.append("\n<details><summary>All ").append(report.comparison().cells().size())
                .append(" cell metrics</summary>\n\n");
        cellTable(out, report.comparison().cells(), report);
        out.append("\n</details>\n\n<sub>").append(escape(report.method())).append("</sub>\n");
        return out.toString();
    }

    private static void cellTable(StringBuilder out, List<CellComparison> cells, AbReport report) {
        ComparisonMarkdown.appendTable(out, cells, false, cell -> {
            String statement = report.statement(cell);
            return statement.startsWith("REGRESSION") ? "**" + escape(statement) + "**" : escape(statement);
        });
    }

    private static String escape(String text) {
        return ComparisonMarkdown.escape(text);
    }
}
