package dev.mapbench.results;

import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.WorkloadId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JMH result: a benchmark method measured in one mode, with one set of params and one thread
 * count. This is one element of JMH's JSON array.
 *
 * @param benchmark fully qualified benchmark name, e.g. {@code org.example.FooBenchmark.get}
 * @param mode the JMH mode
 * @param params the {@code @Param} values in JMH's order (empty when the benchmark has none)
 * @param threads total threads (for {@code @Group} benchmarks: all threads of the group)
 * @param forks measurement forks
 * @param warmup warmup iterations, time and batch size
 * @param measurement measurement iterations, time and batch size
 * @param jvm the JVM's identity as JMH recorded it
 * @param primary the primary metric (the score)
 * @param secondary secondary metrics by normalized name: profiler metrics such as
 *     {@code gc.alloc.rate.norm} (JMH before 1.37 prefixed them with {@code ·}; the prefix is
 *     removed) and, for {@code @Group} benchmarks, each method's score under the method's name
 * @param source the file the cell was read from
 */
public record BenchmarkCell(
        String benchmark,
        BenchmarkMode mode,
        Map<String, String> params,
        int threads,
        int forks,
        RunSettings warmup,
        RunSettings measurement,
        JvmInfo jvm,
        Metric primary,
        Map<String, Metric> secondary,
        Path source) {

    /** The secondary metric JMH 1.37+ calls {@code gc.alloc.rate.norm}: bytes allocated per operation. */
    public static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";
    /** GC count during measurement ({@code -prof gc}); absent when no GC happened. */
    public static final String GC_COUNT = "gc.count";
    /** GC time during measurement ({@code -prof gc}); absent when no GC happened. */
    public static final String GC_TIME = "gc.time";

    /** Copies the collections, keeping their order, so a cell cannot change after it is built. */
    public BenchmarkCell {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** The identity used to detect duplicates across inputs. */
    public CellKey key() {
        return new CellKey(benchmark, mode, threads, params);
    }

    /** The method name: the part of {@link #benchmark} after the last dot. */
    public String methodName() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** The simple class name, e.g. {@code FooBenchmark} for {@code org.example.FooBenchmark.get}. */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String qualified = benchmark.substring(0, dot);
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** The mapbench cell this result is, by its benchmark, params and threads; empty for other JMH output. */
    public Optional<CellId> cellId() {
        return CellId.of(benchmark, params, threads);
    }

    /** The matrix workload of a workload cell ({@link CellId.Workload}); empty for any other cell. */
    public Optional<WorkloadId> workload() {
        return cellId().filter(CellId.Workload.class::isInstance).map(id -> ((CellId.Workload) id).workloadId());
    }

    /**
     * What this cell's strategy is compared under: its grid workload, or its named workload (a preset or a workload
     * file); empty for calibration, latency, iteration, GC-sweep cells and other JMH output.
     */
    public Optional<ComparedWorkload> comparedWorkload() {
        Optional<CellId> id = cellId();
        if (id.orElse(null) instanceof CellId.Named named) {
            return Optional.of(named.workloadId());
        }
        return workload().map(ComparedWorkload.class::cast);
    }

    /** Whether this is a cell of a compared workload (grid or named), with its strategy. */
    public boolean isComparedCell() {
        return comparedWorkload().isPresent();
    }

    /** Whether this is a cell of the workload matrix, with its strategy. */
    public boolean isWorkloadCell() {
        return workload().isPresent();
    }

    /** The strategy param ({@link Benchmarks#STRATEGY_PARAM}), or null when the cell has none. */
    public String strategy() {
        return params.get(Benchmarks.STRATEGY_PARAM);
    }

    /** A param's value, if the cell has that param. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A secondary metric by normalized name (without the pre-1.37 {@code ·} prefix). */
    public Optional<Metric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }

    /** True when the cell ran more threads than the machine had cores . */
    public boolean oversubscribed(int cores) {
        return threads > cores;
    }

    /** The JVM and JMH identity recorded with a cell; fields JMH did not write are empty strings. */
    public record JvmInfo(String jmhVersion, String jvm, List<String> jvmArgs, String jdkVersion,
            String vmName, String vmVersion) {

        /** Copies the argument list. */
        public JvmInfo {
            jvmArgs = List.copyOf(jvmArgs);
        }
    }
}
