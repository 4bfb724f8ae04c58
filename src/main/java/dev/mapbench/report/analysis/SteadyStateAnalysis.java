package dev.mapbench.report.analysis;

import dev.mapbench.report.model.SteadyStateSummary.Row;
import dev.mapbench.report.model.SteadyStateSummary;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.stats.SteadyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts, per benchmark, the forks whose first measured iterations still trended ({@link SteadyState}). */
public final class SteadyStateAnalysis {

    private SteadyStateAnalysis() {
    }

    /** Counts the primary metric's forks of every cell. */
    public static SteadyStateSummary of(List<BenchmarkCell> cells) {
        Map<String, int[]> counts = new TreeMap<>();
        for (BenchmarkCell cell : cells) {
            List<SteadyState> forks = cell.primary().steadyStates();
            if (forks.isEmpty()) {
                continue;
            }
            String name = cell.benchmark().substring(cell.benchmark().lastIndexOf('.', cell.benchmark().lastIndexOf('.') - 1) + 1);
            int[] count = counts.computeIfAbsent(name, key -> new int[4]);
            long unsteady = forks.stream().filter(SteadyState::unsteady).count();
            count[0] += forks.size();
            count[1] += (int) unsteady;
            count[2]++;
            count[3] += unsteady > 0 ? 1 : 0;
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((name, count) -> rows.add(new Row(name, count[0], count[1], count[2], count[3])));
        return new SteadyStateSummary(rows);
    }
}
