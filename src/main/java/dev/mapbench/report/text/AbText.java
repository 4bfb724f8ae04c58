package dev.mapbench.report.text;

import dev.mapbench.report.model.AbReport;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.RulerCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A/B as plain text (what the command prints, {@code ab.txt}): the outcome, what ran where, the ruler,
 * every cell, the method and the regressions; every number and sentence comes from the {@link AbReport}.
 */
public final class AbText {

    private AbText() {
    }

    /** The plain-text report. */
    public static String render(AbReport report) {
        StringBuilder out = new StringBuilder();
        if (!report.unstableShards().isEmpty()) {
            String bar = "!".repeat(78);
            out.append(bar).append('\n').append("!!! MACHINE UNSTABLE: the ruler (bare HashMap/ConcurrentHashMap get) "
                    + "differed between the sides;\n!!! no verdict below is trusted and the A/B does not gate (exit 3)\n")
                    .append(bar).append("\n\n");
        }
        out.append(report.outcome()).append("\n\n");
        report.header().forEach(line -> out.append(line).append('\n'));
        out.append("\nruler (same code on both sides; differs only by noise on a stable machine):\n");
        List<String[]> ruler = new ArrayList<>();
        ruler.add(new String[] {"shard", "cell", "baseline median [95% CI]", "candidate median [95% CI]", "p", "q",
            "status"});
        for (RulerCheck check : report.ruler()) {
            ruler.add(new String[] {check.shard(), check.cell(), Numbers.median(check.baseline()),
                Numbers.median(check.candidate()), Numbers.probability(check.pValue()),
                Numbers.probability(check.qValue()), (check.unstable() ? "UNSTABLE: " : "") + check.reason()});
        }
        TextTable.append(out, ruler);
        out.append("\ncells:\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "metric", "baseline median [95% CI]", "candidate median [95% CI]", "change",
            "q (BH)", "verdict"});
        for (CellComparison cell : report.comparison().cells()) {
            rows.add(new String[] {cell.cell(), cell.metric() + " (" + cell.unit() + ")",
                Numbers.median(cell.baselineMedian()), Numbers.median(cell.candidateMedian()),
                Numbers.signedPercent(cell.changePercent()), Numbers.probability(cell.qValue()), report.statement(cell)});
        }
        TextTable.append(out, rows);
        TextTable.appendList(out, "only in baseline (the candidate lacks them)", report.comparison().onlyInBaseline());
        TextTable.appendList(out, "only in candidate (new)", report.comparison().onlyInCandidate());
        out.append('\n').append("method: ").append(report.method()).append('\n');
        out.append('\n').append(report.outcome()).append('\n');
        for (CellComparison cell : report.regressions()) {
            out.append(String.format(Locale.ROOT, "  REGRESSION %s: %s %s -> %s %s (%s, q=%s)%n", cell.strategy(),
                    cell.cell(), Numbers.number(cell.baselineMedian().median()),
                    Numbers.number(cell.candidateMedian().median()), cell.unit(),
                    Numbers.signedPercent(cell.changePercent()), Numbers.probability(cell.qValue())));
        }
        return out.toString();
    }
}
