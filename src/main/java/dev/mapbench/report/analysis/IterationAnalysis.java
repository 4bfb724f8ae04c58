package dev.mapbench.report.analysis;

import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.IterationResults.Row;
import dev.mapbench.report.model.IterationResults.Verdict;
import dev.mapbench.report.model.IterationResults.WorkloadId;
import dev.mapbench.report.model.IterationResults;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.ForkSpread;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import dev.mapbench.workload.Benchmarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link IterationResults} from the iteration cells ({@code MapIterationBenchmark.iteration}, SampleTime):
 * the figures per cell, and per workload the statistics core's verdict on the walks' per-fork mean times (the
 * between-fork spread measured over the iteration cells), the writer stalls and the views seen.
 */
public final class IterationAnalysis {

    /** The iteration benchmark's fully qualified method. */
    public static final String BENCHMARK = Benchmarks.ITERATION;

    private IterationAnalysis() {
    }

    /** True for a cell of the iteration benchmark. */
    public static boolean isIterationCell(BenchmarkCell cell) {
        return cell.benchmark().equals(BENCHMARK);
    }

    /**
     * The iteration cells of {@code cells} (SampleTime, with an {@code iterate} secondary), with verdicts
     * decided under {@code settings}; {@code cores} keeps oversubscribed workloads undecided.
     */
    public static IterationResults of(List<BenchmarkCell> cells, CoreCount cores, VerdictSettings settings) {
        List<Row> rows = cells.stream()
                .filter(IterationAnalysis::isIterationCell)
                .filter(cell -> cell.mode() == BenchmarkMode.SAMPLE_TIME)
                .map(IterationAnalysis::row).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Row::visit).thenComparingLong(Row::size)
                        .thenComparingInt(row -> row.cell().threads()).thenComparingInt(Row::iterators)
                        .thenComparingInt(Row::readers).thenComparing(Row::strategy))
                .toList();
        ForkSpread spread = ForkSpread.measure(rows.stream().filter(row -> !cores.oversubscribed(row.cell()))
                .map(row -> ForkSample.of(row.walk().forkValues())).toList());
        Map<List<Object>, List<Row>> grouped = new LinkedHashMap<>();
        for (Row row : rows) {
            grouped.computeIfAbsent(List.of(row.visit(), row.size(), row.iterators(), row.readers(), row.writers()),
                    key -> new ArrayList<>()).add(row);
        }
        List<WorkloadId> workloads = new ArrayList<>();
        for (List<Row> group : grouped.values()) {
            Row first = group.get(0);
            workloads.add(new WorkloadId(first.visit(), first.size(), first.iterators(), first.readers(), first.writers(),
                    group, verdict(group, cores, spread, settings)));
        }
        return new IterationResults(rows, workloads, rows.isEmpty() ? "" : Verdicts.methodStatement(settings, spread));
    }

    private static Verdict verdict(List<Row> rows, CoreCount cores, ForkSpread spread, VerdictSettings settings) {
        Map<String, ForkSample> samples = new LinkedHashMap<>();
        for (Row row : rows) {
            samples.put(row.strategy(), ForkSample.of(row.walk().forkValues()));
        }
        Ranking ranking = Verdicts.rank(samples, false, rows.get(0).walk().unit(), spread, settings);
        boolean oversubscribed = rows.stream().anyMatch(row -> cores.oversubscribed(row.cell()));
        if (oversubscribed) {
            ranking = undecided(ranking, rows.get(0).cell().threads(), cores.coresFor(rows.get(0).cell()));
        }
        String best = ranking.best().strategy();
        Row fastest = rows.stream().filter(row -> row.strategy().equals(best)).findFirst().orElse(rows.get(0));
        Optional<Row> leastStall = rows.stream().filter(row -> Double.isFinite(row.writeP999()))
                .min(Comparator.comparingDouble(Row::writeP999));
        List<String> consistent = rows.stream().filter(row -> row.probed() && row.walks() > 0 && row.mixedViews() == 0)
                .map(Row::strategy).toList();
        List<String> mixed = rows.stream().filter(row -> row.probed() && row.mixedViews() > 0).map(Row::strategy).toList();
        return new Verdict(fastest, ranking, oversubscribed, leastStall, consistent, mixed);
    }

    /** More threads than cores: the ratios stay, but no strategy is called equivalent or slower (as the matrix's). */
    private static Ranking undecided(Ranking ranking, int threads, int cores) {
        return ranking.nothingDecided(String.format(Locale.ROOT, "oversubscribed (%d threads > %d cores): measured, "
                + "never decided", threads, cores));
    }

    private static Optional<Row> row(BenchmarkCell cell) {
        Optional<Metric> walk = cell.secondary("iterate");
        if (walk.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = cell.params();
        return Optional.of(new Row(cell, params.getOrDefault(Benchmarks.STRATEGY_PARAM, "?"), params.getOrDefault("visit", "?"),
                parseLong(params.get("size")), (int) parseLong(params.get("iterators")),
                (int) parseLong(params.get("readers")), (int) parseLong(params.get("writers")), walk.get(),
                cell.secondary("write"), cell.secondary("iteration.walkRate"), cell.secondary("iteration.writeRate"),
                cell.secondary("iteration.readRate"), count(cell, "iteration.walks"), count(cell, "iteration.mixedViews"),
                count(cell, "iteration.racedWalks"), score(cell, "iteration.visited.min"),
                score(cell, "iteration.visited.max"), score(cell, "iteration.visited.mean"),
                cell.secondary("iteration.writesPerWalk"), cell.secondary("iteration.allocPerWalk")));
    }

    private static long count(BenchmarkCell cell, String name) {
        double value = score(cell, name);
        return Double.isFinite(value) ? Math.round(value) : -1;
    }

    private static double score(BenchmarkCell cell, String name) {
        return cell.secondary(name).map(Metric::score).orElse(Double.NaN);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }
}
