package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.ThreadSplit;
import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of {@link MapLatencyBenchmark}: a strategy, a reader/writer thread split, a size and a key
 * distribution. Its JMH result holds {@code read} and {@code write} as secondary metrics with percentiles.
 */
public record LatencyCell(Strategy strategy, ThreadSplit split, int size, KeyDistribution keyDistribution,
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
    public ForkSpec forkSpec() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", strategy.name());
        params.put("readPercent", Integer.toString(split.readerSharePercent()));
        params.put("size", Integer.toString(size));
        params.put("keyDistribution", keyDistribution.name());
        return new ForkSpec(BENCHMARK, params, timing, threads(), groups(split.threadGroups()), List.of(),
                ForkSpec.BASE_JVM_ARGS, List.of());
    }

    static List<Integer> groups(int[] threadGroups) {
        return java.util.Arrays.stream(threadGroups).boxed().toList();
    }

    @Override
    public String describe() {
        return "latency " + strategy + " " + split.readers() + " readers + " + split.writers() + " writers size=" + size
                + " " + keyDistribution;
    }
}
