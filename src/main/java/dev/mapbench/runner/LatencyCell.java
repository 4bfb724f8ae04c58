package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.ThreadSplit;
import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * One cell of {@link MapLatencyBenchmark}: a strategy, a reader/writer thread split, a size and a key
 * distribution. Its JMH result holds {@code read} and {@code write} as secondary metrics with percentiles.
 */
record LatencyCell(Strategy strategy, ThreadSplit split, int size, KeyDistribution keyDistribution,
        CellTiming timing) implements ExtraCell {

    /** The JMH group benchmark every latency cell runs. */
    static final String BENCHMARK = Benchmarks.LATENCY;

    /** E.g. {@code LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4}; {@code r} is the share of threads reading. */
    @Override
    public CellId cellId() {
        return new CellId.Latency(strategy.name(), new WorkloadId(split.readerSharePercent(), size, keyDistribution.name(),
                threads()));
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
                .param("strategy", strategy.name())
                .param("readPercent", Integer.toString(split.readerSharePercent()))
                .param("size", Integer.toString(size))
                .param("keyDistribution", keyDistribution.name());
    }

    @Override
    public String describe() {
        return "latency " + strategy + " " + split.readers() + " readers + " + split.writers() + " writers size=" + size
                + " " + keyDistribution;
    }
}
