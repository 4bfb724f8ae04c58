package dev.mapbench.report.html;

import dev.mapbench.report.StrategyGroups;
import dev.mapbench.report.Verdict;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verdict table's rows, as text for the template. */
final class VerdictRows {

    private VerdictRows() {
    }

    static List<Map<String, Object>> of(List<Verdict> verdicts, StrategyGroups groups) {
        return verdicts.stream().map(verdict -> row(verdict, groups)).toList();
    }

    private static Map<String, Object> row(Verdict verdict, StrategyGroups groups) {
        Map<String, Object> row = new LinkedHashMap<>();
        BenchmarkCell best = verdict.best();
        row.put("readPercent", verdict.workload().readPercent());
        row.put("threads", verdict.workload().threads());
        row.put("size", verdict.workload().size());
        row.put("keyDistribution", verdict.workload().keyDistribution());
        row.put("measure", best.methodName() + " (" + best.mode().label() + ")");
        row.put("oversubscribed", verdict.oversubscribed());
        row.put("best", verdict.bestStrategy());
        row.put("bestGroup", groups.groupOf(verdict.bestStrategy()));
        row.put("score", Format.number(best.primary().score()));
        row.put("error", Format.error(best.primary().scoreError()));
        row.put("unit", best.primary().unit());
        row.put("runnerUp", verdict.runnerUp().map(cell -> cell.params().get("strategy")).orElse("—"));
        row.put("runnerUpGroup", verdict.runnerUp().map(cell -> groups.groupOf(cell.params().get("strategy"))).orElse(""));
        row.put("margin", verdict.runnerUp().isPresent() ? Format.percent(verdict.marginPercent()) : "—");
        row.put("marginError", Double.isFinite(verdict.marginErrorPercent())
                ? "± " + Format.percent(verdict.marginErrorPercent()) : "");
        Metric bytes = verdict.bestBytesPerOp().orElse(null);
        row.put("bytesPerOp", bytes == null ? "—" : Format.number(bytes.score()) + " " + Format.error(bytes.scoreError()));
        row.put("significant", verdict.decision().significant());
        row.put("method", verdict.decision().method());
        row.put("compared", verdict.strategiesCompared());
        return row;
    }
}
