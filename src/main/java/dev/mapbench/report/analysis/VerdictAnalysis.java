package dev.mapbench.report.analysis;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.stats.CellInterval;
import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.SpreadByThreads;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.ComparedWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The verdicts of every workload, from the statistics core ({@link Verdicts}) on the cells' fork values.
 * Strategies that are not thread-safe ({@link MapStrategy#threadSafe()} false) are baselines, never
 * ranked. The between-fork spread is measured over every workload cell that does not oversubscribe the
 * machine, as the runner measures it while racing, so the report's verdicts are the runner's.
 */
public final class VerdictAnalysis {

    private VerdictAnalysis() {
    }

    /**
     * One verdict per compared workload, grid ones first, then named ones (and per benchmark method and mode, for a
     * workload benchmark with several).
     */
    public static List<WorkloadVerdict> verdicts(List<BenchmarkCell> cells, CoreCount cores, VerdictSettings settings) {
        List<BenchmarkCell> workloadCells = cells.stream().filter(BenchmarkCell::isComparedCell).toList();
        SpreadByThreads spread = spread(workloadCells, cores);
        Map<ComparedWorkload, List<BenchmarkCell>> byWorkload = workloadCells.stream()
                .filter(cell -> isThreadSafe(cell.params().get(Benchmarks.STRATEGY_PARAM)))
                .collect(Collectors.groupingBy(cell -> cell.comparedWorkload().orElseThrow(),
                        () -> new TreeMap<>(ComparedWorkload.DISPLAY_ORDER), Collectors.toList()));
        List<WorkloadVerdict> verdicts = new ArrayList<>();
        byWorkload.forEach((workload, sameWorkload) -> sameWorkload.stream()
                .collect(Collectors.groupingBy(cell -> cell.benchmark() + " " + cell.mode().label(), TreeMap::new,
                        Collectors.toList()))
                .values()
                .forEach(sameMode -> verdicts.add(verdict(workload, sameMode, cores,
                        spread.at(sameMode.get(0).threads()), settings))));
        return verdicts;
    }

    /**
     * The run's between-fork spread per thread count: every compared cell's (grid or named) primary fork values,
     * oversubscribed cells left out, as the runner's race measures it.
     */
    public static SpreadByThreads spread(List<BenchmarkCell> workloadCells, CoreCount cores) {
        Map<Integer, List<ForkSample>> byThreads = new TreeMap<>();
        workloadCells.stream().filter(cell -> !cores.oversubscribed(cell)).forEach(cell -> byThreads
                .computeIfAbsent(cell.threads(), threads -> new ArrayList<>()).add(ForkSample.of(cell.primary().forkValues())));
        return SpreadByThreads.measure(byThreads);
    }

    /**
     * Every compared cell's fork-level interval ({@link CellInterval}, 95 %), under its thread count's spread: what
     * the charts draw as error bars. Keyed by identity.
     */
    public static Map<BenchmarkCell, CellInterval> cellIntervals(List<BenchmarkCell> cells, CoreCount cores,
            VerdictSettings settings) {
        List<BenchmarkCell> workloadCells = cells.stream().filter(BenchmarkCell::isComparedCell).toList();
        SpreadByThreads spread = spread(workloadCells, cores);
        Map<BenchmarkCell, CellInterval> intervals = new java.util.IdentityHashMap<>();
        for (BenchmarkCell cell : workloadCells) {
            intervals.put(cell, CellInterval.of(ForkSample.of(cell.primary().forkValues()), spread.at(cell.threads()),
                    settings, CellInterval.CHART_CONFIDENCE));
        }
        return intervals;
    }

    /** True unless the strategy is a known {@link MapStrategy} that is not thread-safe. */
    public static boolean isThreadSafe(String strategy) {
        try {
            return MapStrategy.valueOf(strategy).threadSafe();
        } catch (IllegalArgumentException | NullPointerException e) {
            return true; // a strategy this build does not know: judge it on its numbers
        }
    }

    private static WorkloadVerdict verdict(ComparedWorkload workload, List<BenchmarkCell> cells, CoreCount cores,
            dev.mapbench.stats.ForkSpread spread, VerdictSettings settings) {
        Map<String, ForkSample> samples = new LinkedHashMap<>();
        for (BenchmarkCell cell : cells) {
            samples.put(cell.params().get(Benchmarks.STRATEGY_PARAM), ForkSample.of(cell.primary().forkValues()));
        }
        BenchmarkCell first = cells.get(0);
        Ranking ranking = Verdicts.rank(samples, first.mode().higherIsBetter(), first.primary().unit(), spread, settings);
        boolean oversubscribed = cells.stream().anyMatch(cores::oversubscribed);
        if (oversubscribed) {
            ranking = notDecided(ranking, first.threads(), cores.coresFor(first));
        }
        return new WorkloadVerdict(workload, oversubscribed, ranking);
    }

    /** More threads than cores: the ratios stay for the reader, but no strategy is called equivalent or slower. */
    private static Ranking notDecided(Ranking ranking, int threads, int cores) {
        return ranking.nothingDecided(String.format(Locale.ROOT, "oversubscribed (%d threads > %d cores): measured "
                + "for the charts, never decided", threads, cores));
    }
}
