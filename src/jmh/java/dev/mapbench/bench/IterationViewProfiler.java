package dev.mapbench.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Turns what {@link MapIterationBenchmark}'s threads counted ({@link IterationProbe}) into JMH secondary
 * results, so they land in the cell's JMH JSON beside the timings: {@code -prof
 * dev.mapbench.bench.IterationViewProfiler}. It runs in the benchmark's fork, between iterations only,
 * and adds nothing to the timed code.
 *
 * <p>Per measured iteration (JMH aggregates them over iterations and forks by each result's policy):
 * <ul>
 *   <li>{@code iteration.walks} (sum) and {@code iteration.mixedViews} (sum): walks, and walks whose view
 *       failed {@link ViewCheck}, i.e. saw a state the map never held;</li>
 *   <li>{@code iteration.visited.min}, {@code .max}, {@code .mean}: entries one walk visited;</li>
 *   <li>{@code iteration.racedWalks} (sum): walks during which more writes completed than there are
 *       writers, or whose view mixed: the ones that could have mixed states;</li>
 *   <li>{@code iteration.writesPerWalk}: writes that completed while a walk ran, counted between its first
 *       entry and its last 64-entry checkpoint (both read inside the strategy's lock or on its snapshot);</li>
 *   <li>{@code iteration.walkRate}, {@code iteration.writeRate}, {@code iteration.readRate}: walks,
 *       writes and reads per second over the iteration (all threads of the kind);</li>
 *   <li>{@code iteration.allocPerWalk}: bytes one walk allocated (HotSpot's per-thread allocation counter
 *       around every 16th walk), e.g. a snapshot copy or the JSON generator's field names.</li>
 * </ul>
 * Walks, writes and reads are counted over the whole JMH iteration including its ramp-up and ramp-down,
 * so rates are per wall-clock second of the iteration as the profiler saw it.
 */
public final class IterationViewProfiler implements InternalProfiler {

    private long startNanos;
    private long writesAtStart;
    private long readsAtStart;

    @Override
    public String getDescription() {
        return "mapbench: what each walk of MapIterationBenchmark saw, and walk/write/read rates";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        IterationProbe.Counters counters = IterationProbe.counters;
        writesAtStart = counters == null ? 0 : counters.writes();
        readsAtStart = counters == null ? 0 : counters.reads();
        for (IterationProbe.Tally tally : IterationProbe.TALLIES) {
            tally.clear();
        }
        startNanos = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        IterationProbe.Counters counters = IterationProbe.counters;
        long writes = counters == null ? 0 : counters.writes() - writesAtStart;
        long reads = counters == null ? 0 : counters.reads() - readsAtStart;
        long walks = 0;
        long mixed = 0;
        long raced = 0;
        long visitedSum = 0;
        long visitedMin = Long.MAX_VALUE;
        long visitedMax = Long.MIN_VALUE;
        long writesDuring = 0;
        long allocated = 0;
        long allocatingWalks = 0;
        for (IterationProbe.Tally tally : IterationProbe.TALLIES) {
            walks += tally.walks;
            mixed += tally.mixed;
            raced += tally.raced;
            visitedSum += tally.visitedSum;
            visitedMin = Math.min(visitedMin, tally.visitedMin);
            visitedMax = Math.max(visitedMax, tally.visitedMax);
            writesDuring += tally.writesDuring;
            allocated += tally.allocated;
            allocatingWalks += tally.allocationSamples;
        }
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("iteration.walks", walks, "walks", AggregationPolicy.SUM));
        results.add(new ScalarResult("iteration.mixedViews", mixed, "walks", AggregationPolicy.SUM));
        results.add(new ScalarResult("iteration.racedWalks", raced, "walks", AggregationPolicy.SUM));
        results.add(new ScalarResult("iteration.walkRate", walks / seconds, "walks/s", AggregationPolicy.AVG));
        results.add(new ScalarResult("iteration.writeRate", writes / seconds, "ops/s", AggregationPolicy.AVG));
        results.add(new ScalarResult("iteration.readRate", reads / seconds, "ops/s", AggregationPolicy.AVG));
        if (walks > 0) {
            results.add(new ScalarResult("iteration.visited.min", visitedMin, "entries", AggregationPolicy.MIN));
            results.add(new ScalarResult("iteration.visited.max", visitedMax, "entries", AggregationPolicy.MAX));
            results.add(new ScalarResult("iteration.visited.mean", (double) visitedSum / walks, "entries",
                    AggregationPolicy.AVG));
            results.add(new ScalarResult("iteration.writesPerWalk", (double) writesDuring / walks, "writes/walk",
                    AggregationPolicy.AVG));
        }
        if (allocatingWalks > 0) {
            results.add(new ScalarResult("iteration.allocPerWalk", (double) allocated / allocatingWalks, "B/walk",
                    AggregationPolicy.AVG));
        }
        return results;
    }
}
