package dev.mapbench.report.html;

import dev.mapbench.report.WorkloadVerdict;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The verdict table's rows, as text for the template: one row per workload, its strategies by status. */
final class VerdictRows {

    private VerdictRows() {
    }

    static List<Map<String, Object>> of(List<WorkloadVerdict> verdicts) {
        return verdicts.stream().map(VerdictRows::row).toList();
    }

    private static Map<String, Object> row(WorkloadVerdict verdict) {
        Map<String, Object> row = new LinkedHashMap<>();
        StrategyVerdict best = verdict.ranking().best();
        row.put("readPercent", verdict.workload().readPercent());
        row.put("threads", verdict.workload().threads());
        row.put("size", verdict.workload().size());
        row.put("keyDistribution", verdict.workload().keyDistribution());
        row.put("oversubscribed", verdict.oversubscribed());
        row.put("best", best.strategy());
        row.put("score", Format.number(best.estimate()) + " " + best.unit());
        row.put("bestForks", best.forks());
        row.put("equivalent", entries(verdict, VerdictStatus.EQUIVALENT));
        row.put("slower", entries(verdict, VerdictStatus.SLOWER));
        row.put("undecided", entries(verdict, VerdictStatus.UNDECIDED));
        row.put("decided", verdict.decided());
        return row;
    }

    private static List<Map<String, Object>> entries(WorkloadVerdict verdict, VerdictStatus status) {
        return verdict.ranking().strategies().stream().filter(one -> one.status() == status).map(one -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("strategy", one.strategy());
            entry.put("ratio", ratio(one.ratioToBest()));
            entry.put("interval", "[" + ratio(one.ratioLow()) + ", " + ratio(one.ratioHigh()) + "]");
            entry.put("forks", one.forks());
            entry.put("forksNeeded", one.forksNeeded() > 0 ? "≈ " + one.forksNeeded() + " forks a side would decide it"
                    : null);
            entry.put("method", one.method());
            return entry;
        }).toList();
    }

    /** A ratio to the best, e.g. 0.97×, 0.0012×: three significant digits. */
    static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.3g×", value);
    }
}
