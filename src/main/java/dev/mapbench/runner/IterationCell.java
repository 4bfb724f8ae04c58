package dev.mapbench.runner;

import dev.mapbench.bench.IterationSplit;
import dev.mapbench.bench.IterationViewProfiler;
import dev.mapbench.bench.IterationVisit;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * One cell of {@code MapIterationBenchmark}: a strategy walked ({@link IterationVisit}) by iterator threads
 * while writer (and reader) threads work on it, at one size. Its JMH result holds {@code iterate},
 * {@code write} and {@code read} as secondary metrics with percentiles, and {@link IterationViewProfiler}'s
 * {@code iteration.*} figures (what the walks saw, rates).
 */
record IterationCell(MapStrategy strategy, IterationVisit visit, int size, IterationSplit split, CellTiming timing)
        implements ExtraCell {

    /** The JMH group benchmark every iteration cell runs. */
    static final String BENCHMARK = Benchmarks.ITERATION;

    /** E.g. {@code ITERATION-RWLOCK_HASHMAP-JSON-s10000-i1r0w1-t2}. */
    @Override
    public CellId cellId() {
        return new CellId.Iteration(strategy.name(), visit.name(), size, split.label(), threads());
    }

    @Override
    public int threads() {
        return split.threads();
    }

    @Override
    public ChainedOptionsBuilder configure(ChainedOptionsBuilder options) {
        return options.include("^" + Pattern.quote(BENCHMARK) + "$")
                .threads(threads())
                .threadGroups(split.threadGroups())
                .addProfiler(IterationViewProfiler.class)
                .param("strategy", strategy.name())
                .param("visit", visit.name())
                .param("size", Integer.toString(size))
                .param("iterators", Integer.toString(split.iterators()))
                .param("readers", Integer.toString(split.readers()))
                .param("writers", Integer.toString(split.writers()));
    }

    @Override
    public String describe() {
        return "iteration " + strategy + " " + visit.name().toLowerCase(java.util.Locale.ROOT) + " size=" + size + ", "
                + split.describe();
    }
}
