package dev.mapbench.runner;

import dev.mapbench.bench.IterationSplit;
import dev.mapbench.bench.IterationViewProfiler;
import dev.mapbench.bench.IterationVisit;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of {@code MapIterationBenchmark}: a strategy walked ({@link IterationVisit}) by iterator threads
 * while writer (and reader) threads work on it, at one size. Its JMH result holds {@code iterate},
 * {@code write} and {@code read} as secondary metrics with percentiles, and {@link IterationViewProfiler}'s
 * {@code iteration.*} figures (what the walks saw, rates).
 */
public record IterationCell(MapStrategy strategy, IterationVisit visit, int size, IterationSplit split, CellTiming timing)
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
    public ForkSpec forkSpec() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", strategy.name());
        params.put("visit", visit.name());
        params.put("size", Integer.toString(size));
        params.put("iterators", Integer.toString(split.iterators()));
        params.put("readers", Integer.toString(split.readers()));
        params.put("writers", Integer.toString(split.writers()));
        return new ForkSpec(BENCHMARK, params, timing, threads(), LatencyCell.groups(split.threadGroups()),
                List.of(new ForkSpec.Profiler(IterationViewProfiler.class.getName(), "")), ForkSpec.BASE_JVM_ARGS,
                List.of());
    }

    @Override
    public String describe() {
        return "iteration " + strategy + " " + visit.name().toLowerCase(java.util.Locale.ROOT) + " size=" + size + ", "
                + split.describe();
    }
}
