package dev.mapbench.ab;

import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.compare.ComparisonMarkdown;
import dev.mapbench.compare.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A/B's text (what the command prints, {@code ab.txt}) and Markdown ({@code ab.md}, the CI job summary
 * and PR comment). Both open with the outcome, then the ruler, the cells that changed, and the method;
 * every number comes from {@link AbDecision.Result}, nothing is computed here.
 */
public final class AbRender {

    private AbRender() {
    }

    /** The plain-text report. */
    public static String text(AbSummary summary, AbDecision.Result result) {
        StringBuilder out = new StringBuilder();
        if (!result.unstableShards().isEmpty()) {
            String bar = "!".repeat(78);
            out.append(bar).append('\n').append("!!! MACHINE UNSTABLE: the ruler (bare HashMap/ConcurrentHashMap get) "
                    + "differed between the sides;\n!!! no verdict below is trusted and the A/B does not gate (exit 3)\n")
                    .append(bar).append("\n\n");
        }
        out.append(result.outcome()).append("\n\n");
        header(summary).forEach(line -> out.append(line).append('\n'));
        out.append("\nruler (same code on both sides; differs only by noise on a stable machine):\n");
        List<String[]> ruler = new ArrayList<>();
        ruler.add(new String[] {"shard", "cell", "baseline median [95% CI]", "candidate median [95% CI]", "p", "q",
            "status"});
        for (RulerCheck check : result.ruler()) {
            ruler.add(new String[] {check.shard(), check.cell(), Numbers.median(check.baseline()),
                Numbers.median(check.candidate()), Numbers.probability(check.pValue()),
                Numbers.probability(check.qValue()), (check.unstable() ? "UNSTABLE: " : "") + check.reason()});
        }
        TextTable.append(out, ruler);
        out.append("\ncells:\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "metric", "baseline median [95% CI]", "candidate median [95% CI]", "change",
            "q (BH)", "verdict"});
        for (CellComparison cell : result.comparison().cells()) {
            rows.add(new String[] {cell.cell(), cell.metric() + " (" + cell.unit() + ")",
                Numbers.median(cell.baselineMedian()), Numbers.median(cell.candidateMedian()),
                Numbers.signedPercent(cell.changePercent()), Numbers.probability(cell.qValue()), result.statement(cell)});
        }
        TextTable.append(out, rows);
        TextTable.appendList(out, "only in baseline (the candidate lacks them)", result.comparison().onlyInBaseline());
        TextTable.appendList(out, "only in candidate (new)", result.comparison().onlyInCandidate());
        out.append('\n').append("method: ").append(method(result)).append('\n');
        out.append('\n').append(result.outcome()).append('\n');
        for (CellComparison cell : result.regressions()) {
            out.append(String.format(Locale.ROOT, "  REGRESSION %s: %s %s -> %s %s (%s, q=%s)%n", cell.strategy(),
                    cell.cell(), Numbers.number(cell.baselineMedian().median()),
                    Numbers.number(cell.candidateMedian().median()), cell.unit(),
                    Numbers.signedPercent(cell.changePercent()), Numbers.probability(cell.qValue())));
        }
        return out.toString();
    }

    /** The Markdown report: outcome, ruler, changed cells, all cells folded away. */
    public static String markdown(AbSummary summary, AbDecision.Result result) {
        StringBuilder out = new StringBuilder("## mapbench A/B: `").append(escape(summary.candidateRef()))
                .append("` against `").append(escape(summary.baselineRef())).append("`\n\n");
        String icon = result.exitCode() == AbDecision.NO_REGRESSION ? ":white_check_mark:"
                : result.exitCode() == AbDecision.UNSTABLE ? ":warning:" : ":x:";
        out.append("**").append(icon).append(' ').append(escape(result.outcome())).append("**\n\n");
        if (!result.unstableShards().isEmpty()) {
            out.append("> [!WARNING]\n> **Machine unstable**: the ruler differed between the sides on ")
                    .append(escape(String.join(", ", result.unstableShards())))
                    .append("; nothing is gated. Run the A/B again on a quieter machine.\n\n");
        }
        header(summary).forEach(line -> out.append("- ").append(escape(line)).append('\n'));
        out.append("\n### Ruler\n\n| shard | cell | baseline | candidate | q | status |\n|---|---|---:|---:|---:|---|\n");
        for (RulerCheck check : result.ruler()) {
            out.append("| ").append(check.shard()).append(" | ").append(escape(check.cell())).append(" | ")
                    .append(escape(Numbers.median(check.baseline()))).append(" | ")
                    .append(escape(Numbers.median(check.candidate()))).append(" | ")
                    .append(Numbers.probability(check.qValue())).append(" | ")
                    .append(check.unstable() ? "**UNSTABLE**: " : "").append(escape(check.reason())).append(" |\n");
        }
        List<CellComparison> changed = result.comparison().cells().stream()
                .filter(cell -> cell.verdict() != CellComparison.Verdict.NO_CHANGE
                        && cell.verdict() != CellComparison.Verdict.UNTESTED).toList();
        out.append("\n### Cells with a significant change (").append(changed.size()).append(")\n\n");
        cellTable(out, changed, result);
        out.append("\n<details><summary>All ").append(result.comparison().cells().size())
                .append(" cell metrics</summary>\n\n");
        cellTable(out, result.comparison().cells(), result);
        out.append("\n</details>\n\n<sub>").append(escape(method(result))).append("</sub>\n");
        return out.toString();
    }

    /** The lines that say what ran where. */
    static List<String> header(AbSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("baseline:  " + summary.baselineRef() + " (" + abbreviate(summary.baselineCommit()) + ")"
                + properties(summary.baselineProperties()));
        lines.add("candidate: " + summary.candidateRef() + " (" + abbreviate(summary.candidateCommit()) + ")"
                + properties(summary.candidateProperties()));
        lines.add(String.format(Locale.ROOT, "schedule: %d cells x %d forks a side, randomized interleaved rounds "
                + "(seed %d, rerun with --seed %d); fork = %s", summary.cells(), summary.forks(), summary.seed(),
                summary.seed(), summary.timing()));
        summary.machine().forEach(machine -> lines.add("machine: " + machine));
        if (summary.measureSeconds() > 0) {
            lines.add(String.format(Locale.ROOT, "wall time: builds %s, forks %s (%.2f s a fork)",
                    Numbers.duration(summary.buildSeconds()), Numbers.duration(summary.measureSeconds()),
                    summary.meanForkSeconds()));
        }
        summary.failedForks().forEach(failed -> lines.add("FAILED fork: " + failed));
        summary.notes().forEach(note -> lines.add("note: " + note));
        return lines;
    }

    static String method(AbDecision.Result result) {
        return String.format(Locale.ROOT, "Both refs built from git and measured on the same machine, their forks "
                + "interleaved in seeded random order, one round of every (cell, side) at a time, so drift hits both "
                + "sides. %s Equivalent = no significant change and the %.0f %% interval of the candidate/baseline "
                + "speed ratio (Welch t on log fork values, variance moderated with the run's fork spread) lies within "
                + "±%s %%. Ruler: the calibration cells must not differ beyond noise (ratio interval wholly outside "
                + "1 ± %s %%, or significant and off by >= the minimum effect); otherwise the machine was unstable, "
                + "nothing is gated, exit 3.", result.comparison().methodStatement(), 95.0,
                Numbers.plain(result.settings().margin() * 100),
                Numbers.plain(result.settings().rulerTolerance() * 100));
    }

    private static void cellTable(StringBuilder out, List<CellComparison> cells, AbDecision.Result result) {
        ComparisonMarkdown.appendTable(out, cells, false, cell -> {
            String statement = result.statement(cell);
            return statement.startsWith("REGRESSION") ? "**" + escape(statement) + "**" : escape(statement);
        });
    }

    private static String properties(List<String> properties) {
        return properties.isEmpty() ? "" : ", forks with " + String.join(" ", properties);
    }

    private static String abbreviate(String commit) {
        return commit == null ? "?" : commit.length() > 12 ? commit.substring(0, 12) : commit;
    }



    private static String escape(String text) {
        return ComparisonMarkdown.escape(text);
    }
}
