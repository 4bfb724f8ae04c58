package dev.mapbench.report.model;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.StrategyVerdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The iteration cells ({@code MapIterationBenchmark.iteration}, SampleTime, a JMH group of iterator, reader
 * and writer threads) as figures per cell, and per workload (visit × size × thread split) which strategy
 * walks fastest (the statistics core's verdict on the walks' per-fork mean times, the between-fork spread
 * measured over the iteration cells), which stalls writers least and which walks saw a consistent view. Only the group's
 * {@code iterate}, {@code write} and {@code read} secondaries and the {@code iteration.*} figures of
 * {@code IterationViewProfiler} are used; the primary metric mixes the three kinds and is never shown.
 *
 * @param rows one per cell, by visit, size, split and strategy
 * @param workloads the rows grouped by visit, size and split, each with its verdict
 * @param method how the walk-time verdicts were decided, one statement for the section
 */
public record IterationResults(List<Row> rows, List<WorkloadId> workloads, String method) {

    /** Percentiles shown for walks and writes, as JMH keys them, and their labels. */
    public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 100.0);
    public static final List<String> PERCENTILE_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");
    /** Index of p99.9 in {@link #PERCENTILES}: the writer stall the verdicts rank by. */
    public static final int P999 = 3;

    /** Copies the lists. */
    public IterationResults {
        rows = List.copyOf(rows);
        workloads = List.copyOf(workloads);
    }

    /** No iteration cell. */
    public static IterationResults none() {
        return new IterationResults(List.of(), List.of(), "");
    }

    /**
     * One iteration cell.
     *
     * @param walk the {@code iterate} method: time per walk (mean ± JMH's error), with percentiles
     * @param write the {@code write} method (one remove or one put), if the JSON has it
     * @param walks walks counted by the profiler (all measured iterations and forks); -1 without it
     * @param mixedViews walks whose view failed the stamp check: a state the map never held
     * @param racedWalks walks during which at least two writes completed
     * @param visitedMin fewest entries one walk visited (NaN without the profiler)
     */
    public record Row(BenchmarkCell cell, String strategy, String visit, long size, int iterators, int readers,
            int writers, Metric walk, Optional<Metric> write, Optional<Metric> walkRate, Optional<Metric> writeRate,
            Optional<Metric> readRate, long walks, long mixedViews, long racedWalks, double visitedMin,
            double visitedMax, double visitedMean, Optional<Metric> writesPerWalk, Optional<Metric> allocPerWalk) {

        /** Walk time at {@link #PERCENTILES}, NaN where JMH gave none. */
        public List<Double> walkPercentiles() {
            return PERCENTILES.stream().map(walk::percentile).toList();
        }

        /** Writer latency at {@link #PERCENTILES} while the walks ran, NaN where JMH gave none. */
        public List<Double> writePercentiles() {
            return PERCENTILES.stream().map(p -> write.map(metric -> metric.percentile(p)).orElse(Double.NaN)).toList();
        }

        /** Writer p99.9, NaN when absent. */
        public double writeP999() {
            return writePercentiles().get(P999);
        }

        /** The fewest entries the map held at any instant: each writer has at most one key removed. */
        public long heldMin() {
            return size - writers;
        }

        /** Whether the profiler's counts are there (the cell ran with {@code -prof IterationViewProfiler}). */
        public boolean probed() {
            return walks >= 0;
        }

        /** Share of walks whose view was a state the map held, in percent; NaN without walks. */
        public double consistentPercent() {
            return walks > 0 ? 100.0 * (walks - mixedViews) / walks : Double.NaN;
        }

        /** Share of the raced walks whose view mixed states, in percent; NaN when no walk raced a write. */
        public double mixedPercentOfRaced() {
            return racedWalks > 0 ? 100.0 * mixedViews / racedWalks : Double.NaN;
        }

        /** Whether some walk visited fewer entries than the map held at every instant, or more than it ever held. */
        public boolean visitedOutsideHeld() {
            return visitedMin < heldMin() || visitedMax > size;
        }

        /** What the walks guaranteed, said from the counts alone. */
        public String guarantee() {
            if (!probed()) {
                return "not measured (no iteration.* figures: run with -prof dev.mapbench.bench.IterationViewProfiler)";
            }
            if (walks == 0) {
                return "no walk completed";
            }
            StringBuilder text = new StringBuilder();
            if (mixedViews > 0) {
                text.append(String.format(Locale.ROOT, "weakly consistent: %d of %d walks (%s) saw a state the map "
                        + "never held", mixedViews, walks, Numbers.share(100.0 * mixedViews / walks)));
            } else if (racedWalks < 0) {
                text.append(String.format(Locale.ROOT, "all %d views were states the map held", walks));
            } else if (racedWalks > 0) {
                text.append(String.format(Locale.ROOT, "a snapshot: all %d views were states the map held, though writes "
                        + "landed during %d of the walks", walks, racedWalks));
            } else {
                text.append(String.format(Locale.ROOT, "exclusive: all %d views were states the map held, and no walk "
                        + "saw two writes land during it (writers waited)", walks));
            }
            if (visitedOutsideHeld()) {
                text.append(String.format(Locale.ROOT, "; walks visited %s–%s entries while the map held %s–%s",
                        Numbers.whole(visitedMin), Numbers.whole(visitedMax), Numbers.whole(heldMin()), Numbers.whole(size)));
            }
            return text.toString();
        }
    }

    /** Rows of one visit × size × thread split, the strategies side by side. */
    public record WorkloadId(String visit, long size, int iterators, int readers, int writers, List<Row> rows,
            Verdict verdict) {

        /** Copies the list. */
        public WorkloadId {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Which strategy walks fastest: the statistics core's ranking of the walks' per-fork mean times (best,
     * equivalent, slower, undecided; never decided on an oversubscribed workload); which holds writers back
     * least (by writer p99.9, no error: a percentile); and whose views were all states the map held.
     */
    public record Verdict(Row fastest, Ranking ranking, boolean oversubscribed, Optional<Row> leastStall,
            List<String> consistent, List<String> mixed) {

        /** Copies the lists. */
        public Verdict {
            consistent = List.copyOf(consistent);
            mixed = List.copyOf(mixed);
        }

        /** The strategy ranked second, if more than one was measured. */
        public Optional<StrategyVerdict> runnerUp() {
            return ranking.strategies().size() > 1 ? Optional.of(ranking.strategies().get(1)) : Optional.empty();
        }
    }

    /** True when there is no iteration cell. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
