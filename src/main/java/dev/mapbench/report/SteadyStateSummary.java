package dev.mapbench.report;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.stats.SteadyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many forks left warm-up too early, per benchmark: forks whose first measured iterations still trended
 * ({@link SteadyState}), and the cells they belong to. Those forks' values leave the trending iterations
 * out, and the runner gives such a cell's later forks a longer warm-up.
 *
 * @param benchmarks one row per benchmark method, in name order
 */
public record SteadyStateSummary(List<Row> benchmarks) {

    /**
     * One benchmark's count.
     *
     * @param benchmark the benchmark method's simple name, e.g. {@code MapWorkloadBenchmark.operation}
     * @param forks forks measured
     * @param unsteadyForks forks whose first measured iterations still trended
     * @param cells cells measured
     * @param unsteadyCells cells with at least one such fork
     */
    public record Row(String benchmark, int forks, int unsteadyForks, int cells, int unsteadyCells) {
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

    /** One sentence, e.g. "Steady state: 12 of 640 forks (in 9 of 256 cells) … (MapWorkloadBenchmark.operation …)." */
    public String describe() {
        int forks = benchmarks.stream().mapToInt(Row::forks).sum();
        int unsteady = benchmarks.stream().mapToInt(Row::unsteadyForks).sum();
        int cells = benchmarks.stream().mapToInt(Row::cells).sum();
        int unsteadyCells = benchmarks.stream().mapToInt(Row::unsteadyCells).sum();
        if (forks == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Steady state: %d of %d forks (in %d of %d "
                + "cells) still trended in their first measured iterations; their values leave those iterations out, "
                + "and their cells' later forks warmed up longer.", unsteady, forks, unsteadyCells, cells));
        if (unsteady > 0) {
            text.append(" By benchmark: ");
            List<String> parts = new ArrayList<>();
            for (Row row : benchmarks) {
                parts.add(String.format(Locale.ROOT, "%s %d of %d forks, %d of %d cells", row.benchmark(),
                        row.unsteadyForks(), row.forks(), row.unsteadyCells(), row.cells()));
            }
            text.append(String.join("; ", parts)).append('.');
        }
        return text.toString();
    }
}
