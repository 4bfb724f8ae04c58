package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of the GC sweep: a workload cell of {@code MapWorkloadGcBenchmark} whose forks run under the
 * named collector, with {@code -prof gc} (and its churn figures when asked).
 */
record GcSweepCell(GarbageCollector gc, MapStrategy strategy, int readPercent, int size,
        KeyDistribution keyDistribution, int threads, CellTiming timing, boolean churn) implements ExtraCell {

    /** The inherited workload method of the GC-parameterised benchmark. */
    static final String BENCHMARK = Benchmarks.GC_SWEEP;

    /** E.g. {@code GC-Z-COPY_ON_WRITE-r95-s10000-UNIFORM-t2}. */
    @Override
    public CellId cellId() {
        return new CellId.GcSweep(gc.name(), strategy.name(), new WorkloadId(readPercent, size, keyDistribution.name(),
                threads));
    }

    /** The matrix's fork arguments with its collector flag replaced by this cell's. */
    List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        for (String arg : ForkSpec.BASE_JVM_ARGS) {
            if (!(arg.startsWith("-XX:+Use") && arg.endsWith("GC"))) {
                args.add(arg);
            }
        }
        args.add(gc.jvmFlag());
        return args;
    }

    @Override
    public ForkSpec forkSpec() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("gc", gc.name());
        params.put("strategy", strategy.name());
        params.put("readPercent", Integer.toString(readPercent));
        params.put("size", Integer.toString(size));
        params.put("keyDistribution", keyDistribution.name());
        return new ForkSpec(BENCHMARK, params, timing, threads, List.of(),
                List.of(new ForkSpec.Profiler("gc", churn ? "churn=true" : "")), jvmArgs(), List.of());
    }

    @Override
    public String describe() {
        return "gc sweep " + gc.displayName() + " " + strategy + " read=" + readPercent + "% size=" + size + " "
                + keyDistribution + " threads=" + threads;
    }
}
