package dev.mapbench.report.text;

import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.StrategySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Comparison} as the plain-text report the CLI prints. */
public final class ComparisonText {

    private ComparisonText() {
    }

    /** The whole report: warnings first, then method, cells, per-strategy summary and the outcome. */
    public static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        if (!comparison.environmentWarnings().isEmpty()) {
            String bar = "!".repeat(78);
            out.append(bar).append('\n')
                    .append("!!! DIFFERENT ENVIRONMENTS: changes below may come from the machine or JVM, not the code\n");
            comparison.environmentWarnings().forEach(w -> out.append("!!!   ").append(w).append('\n'));
            out.append(bar).append("\n\n");
        }
        out.append("baseline:  ").append(comparison.baselineLabel()).append('\n');
        out.append("candidate: ").append(comparison.candidateLabel()).append('\n');
        comparison.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        comparison.originLines().forEach(line -> out.append("measured: ").append(line).append('\n'));
        if (comparison.mixedOrigins()) {
            out.append("!!! cells of one side come from several machines or JVMs: each row names its own\n");
        }
        out.append('\n').append("method: ").append(comparison.methodStatement()).append("\n\n");

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "metric", "unit", "baseline median [95% CI]", "candidate median [95% CI]",
            "change", "p", "q (BH)", "verdict"});
        for (CellComparison cell : comparison.cells()) {
            String name = comparison.mixedOrigins() ? cell.cell() + " [" + cell.originText() + "]" : cell.cell();
            rows.add(new String[] {name, cell.metric(), cell.unit(), Numbers.median(cell.baselineMedian()),
                Numbers.median(cell.candidateMedian()), Numbers.signedPercent(cell.changePercent()),
                Numbers.probability(cell.pValue()), Numbers.probability(cell.qValue()),
                cell.verdictText()});
        }
        TextTable.append(out, rows);
        if (comparison.cells().stream().anyMatch(c -> c.baselineMedian().coverage() < 0.95 - 1e-9
                || c.candidateMedian().coverage() < 0.95 - 1e-9)) {
            out.append("* interval is [min, max] of the forks; with fewer than 6 forks it covers the median "
                    + "with less than 95 % probability\n");
        }

        out.append("\nper strategy: geometric mean of candidate/baseline speed (primary metric; >1 = faster)\n");
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"strategy", "cells", "speed", "significantly worse", "regressions"});
        for (StrategySummary strategy : comparison.strategies()) {
            summary.add(new String[] {strategy.strategy(), String.valueOf(strategy.cells()),
                strategy.speedText(), String.valueOf(strategy.significantlyWorse()),
                String.valueOf(strategy.regressions())});
        }
        TextTable.append(out, summary);

        TextTable.appendList(out, "only in baseline (missing from candidate)", comparison.onlyInBaseline());
        TextTable.appendList(out, "only in candidate (new)", comparison.onlyInCandidate());
        out.append('\n').append(comparison.outcome()).append('\n');
        for (CellComparison cell : comparison.regressions()) {
            out.append(String.format(Locale.ROOT, "  REGRESSION %s: %s %s -> %s %s (%s, q=%s)%n",
                    cell.strategy(), cell.cell(), Numbers.number(cell.baselineMedian().median()),
                    Numbers.number(cell.candidateMedian().median()), cell.unit(),
                    Numbers.signedPercent(cell.changePercent()), Numbers.probability(cell.qValue())));
        }
        return out.toString();
    }


}
