package dev.mapbench.report.html;

import dev.mapbench.report.model.ForkProvenance;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.StrategyOrigins;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.ForkRow;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.NamedWorkloadId;
import dev.mapbench.workload.WorkloadId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The verdict table's rows, as text for the template: one row per workload, its strategies by status. */
final class VerdictRows {

    private VerdictRows() {
    }

    /**
     * The rows; {@code showOrigin} tags each strategy with its origin (JDK, library, plug-in), which only
     * tells a reader something when the run mixes origins.
     */
    static List<Map<String, Object>> of(List<WorkloadVerdict> verdicts, ForkProvenance provenance,
            StrategyOrigins origins, boolean showOrigin) {
        return verdicts.stream().map(verdict -> row(verdict, provenance, origins, showOrigin)).toList();
    }

    private static Map<String, Object> row(WorkloadVerdict verdict, ForkProvenance provenance, StrategyOrigins origins,
            boolean showOrigin) {
        Map<String, Object> row = new LinkedHashMap<>();
        StrategyVerdict best = verdict.ranking().best();
        row.put("readPercent", verdict.grid().map(WorkloadId::readPercent).orElse(null));
        row.put("threads", verdict.workload().threads());
        row.put("size", verdict.grid().map(WorkloadId::size).orElse(null));
        row.put("keyDistribution", verdict.grid().map(WorkloadId::keyDistribution).orElse(null));
        row.put("name", verdict.named().map(NamedWorkloadId::name).orElse(null));
        row.put("updates", verdict.grid().filter(id -> id.readPercent() < 100 && id.writes() == GridWrites.UPDATE).isPresent());
        row.put("oversubscribed", verdict.oversubscribed());
        row.put("best", best.strategy());
        row.put("bestGroup", showOrigin ? origins.originOf(best.strategy()) : null);
        row.put("score", Numbers.number(best.estimate()) + " " + best.unit());
        row.put("bestForks", forks(best.forks()));
        row.put("bestModes", best.modes());
        row.put("equivalent", entries(verdict, VerdictStatus.EQUIVALENT, origins, showOrigin));
        row.put("slower", entries(verdict, VerdictStatus.SLOWER, origins, showOrigin));
        row.put("undecided", entries(verdict, VerdictStatus.UNDECIDED, origins, showOrigin));
        row.put("decided", verdict.decided());
        List<Map<String, Object>> history = new ArrayList<>();
        for (StrategyVerdict one : verdict.ranking().strategies()) {
            List<ForkRow> forks = provenance.forksOf(verdict.workload(), one.strategy());
            if (!forks.isEmpty()) {
                history.add(Map.of("strategy", one.strategy(), "status", one.status().label(),
                        "forks", forks.stream().map(f -> "r" + f.round() + " " + Numbers.number(f.value())
                                + (f.steadyFrom() > 0 ? " (first " + f.steadyFrom() + " iteration"
                                        + (f.steadyFrom() == 1 ? "" : "s") + " still warming up)" : ""))
                                .collect(Collectors.joining(", ")),
                        "last", forks.get(forks.size() - 1).reason()));
            }
        }
        row.put("provenance", history.isEmpty() ? null : Map.of("strategies", history));
        return row;
    }

    private static List<Map<String, Object>> entries(WorkloadVerdict verdict, VerdictStatus status,
            StrategyOrigins origins, boolean showOrigin) {
        return verdict.ranking().strategies().stream().filter(one -> one.status() == status).map(one -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("strategy", one.strategy());
            entry.put("group", showOrigin ? origins.originOf(one.strategy()) : null);
            entry.put("ratio", Numbers.ratio(one.ratioToBest()));
            entry.put("interval", "[" + Numbers.ratio(one.ratioLow()) + ", " + Numbers.ratio(one.ratioHigh()) + "]");
            entry.put("forks", forks(one.forks()));
            entry.put("modes", one.modes());
            entry.put("forksNeeded", one.forksNeeded() > 0 ? "≈ " + one.forksNeeded() + " forks a side would decide it"
                    : null);
            entry.put("method", one.method());
            return entry;
        }).toList();
    }

    /** "1 fork", "6 forks". */
    static String forks(int count) {
        return count + (count == 1 ? " fork" : " forks");
    }
}
