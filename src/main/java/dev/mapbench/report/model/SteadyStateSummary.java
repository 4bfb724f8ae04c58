package dev.mapbench.report.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many forks left warm-up too early, per benchmark: forks whose first measured iterations still trended
 * (the statistics core's {@code SteadyState}), and the cells they belong to. Those forks' values leave the trending iterations
 * out, and the runner gives such a cell's later forks a longer warm-up.
 *
 * @param benchmarks one row per benchmark method, in name order
 */
public record SteadyStateSummary(List<Row> benchmarks) implements ReportSection {

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
