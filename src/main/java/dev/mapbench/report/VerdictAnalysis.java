package dev.mapbench.report;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ranks the thread-safe strategies of every workload. Strategies that are not thread-safe
 * ({@link MapStrategy#threadSafe()} false) are baselines, never winners.
 */
public final class VerdictAnalysis {

    private VerdictAnalysis() {
    }

    /** One verdict per workload, benchmark method and mode, in display order. */
    public static List<Verdict> verdicts(List<BenchmarkCell> cells, CoreCount cores) {
        Map<Workload, List<BenchmarkCell>> byWorkload = cells.stream()
                .filter(Workload::isWorkloadCell)
                .filter(cell -> isThreadSafe(cell.params().get(Workload.STRATEGY)))
                .collect(Collectors.groupingBy(cell -> Workload.of(cell).orElseThrow(),
                        () -> new TreeMap<>(Workload.DISPLAY_ORDER), Collectors.toList()));
        List<Verdict> verdicts = new ArrayList<>();
        byWorkload.forEach((workload, workloadCells) -> workloadCells.stream()
                // A workload benchmark with several methods (or modes) gets one verdict per method and mode.
                .collect(Collectors.groupingBy(cell -> cell.benchmark() + " " + cell.mode().label(), TreeMap::new,
                        Collectors.toList()))
                .values()
                .forEach(sameMode -> verdicts.add(verdict(workload, sameMode, cores))));
        return verdicts;
    }

    /** True unless the strategy is a known {@link MapStrategy} that is not thread-safe. */
    public static boolean isThreadSafe(String strategy) {
        try {
            return MapStrategy.valueOf(strategy).threadSafe();
        } catch (IllegalArgumentException | NullPointerException e) {
            return true; // a strategy this build does not know: judge it on its numbers
        }
    }

    private static Verdict verdict(Workload workload, List<BenchmarkCell> cells, CoreCount cores) {
        boolean higherIsBetter = cells.get(0).mode().higherIsBetter();
        Comparator<BenchmarkCell> byScore = Comparator.comparingDouble(cell -> cell.primary().score());
        List<BenchmarkCell> ranked = cells.stream()
                .filter(cell -> !Double.isNaN(cell.primary().score()))
                .sorted(higherIsBetter ? byScore.reversed() : byScore)
                .toList();
        if (ranked.isEmpty()) {
            ranked = cells;
        }
        BenchmarkCell best = ranked.get(0);
        boolean oversubscribed = cells.stream().anyMatch(cores::oversubscribed);
        if (ranked.size() == 1) {
            return new Verdict(workload, best, Optional.empty(), Double.NaN, Double.NaN,
                    new Significance.Decision(false, "only one strategy measured"), oversubscribed, 1);
        }
        BenchmarkCell runnerUp = ranked.get(1);
        Metric winner = best.primary();
        Metric next = runnerUp.primary();
        // ratio = how many times better the winner is: throughput best/next, time next/best.
        double ratio = higherIsBetter ? winner.score() / next.score() : next.score() / winner.score();
        double relativeError = Math.hypot(winner.scoreError() / winner.score(), next.scoreError() / next.score());
        return new Verdict(workload, best, Optional.of(runnerUp), (ratio - 1) * 100, ratio * relativeError * 100,
                Significance.decide(winner, next), oversubscribed, ranked.size());
    }
}
