package dev.mapbench.workload;

/**
 * The fully qualified names of the benchmarks whose cells mapbench names and reads back, so readers of JMH
 * results (the report, the comparison) know them without loading the benchmark classes. A test holds each
 * against its class.
 */
public final class Benchmarks {

    /** The workload matrix: {@code MapWorkloadBenchmark.operation}. */
    public static final String WORKLOAD = "dev.mapbench.bench.MapWorkloadBenchmark.operation";
    /** The workload benchmark's class, whatever its method. */
    public static final String WORKLOAD_CLASS = "dev.mapbench.bench.MapWorkloadBenchmark";
    /** Named workloads (presets, workload files): {@code MapOperationBenchmark}. */
    public static final String OPERATION_CLASS = "dev.mapbench.bench.MapOperationBenchmark";
    /** A named workload without roles: every thread runs its one mix. */
    public static final String OPERATION = OPERATION_CLASS + ".operation";
    /** A named workload with roles: the JMH group of the first and second role. */
    public static final String OPERATION_ROLES = OPERATION_CLASS + ".roles";
    /** The same group in SampleTime: each role's latency percentiles, apart from the throughput the verdicts rank. */
    public static final String OPERATION_ROLES_LATENCY = OPERATION_CLASS + ".rolesLatency";
    /** A recorded trace replayed ({@code bench.trace}): {@code MapTraceBenchmark.replay}. */
    public static final String TRACE = "dev.mapbench.bench.MapTraceBenchmark.replay";
    /** The GC sweep: the workload benchmark with a collector parameter. */
    public static final String GC_SWEEP = "dev.mapbench.bench.MapWorkloadGcBenchmark.operation";
    /** The calibration benchmark's class. */
    public static final String CALIBRATION_CLASS = "dev.mapbench.bench.CalibrationBenchmark";
    /** Calibration: a bare {@code HashMap.get}. */
    public static final String CALIBRATION_HASH_MAP = CALIBRATION_CLASS + ".hashMapGet";
    /** Calibration: a bare {@code ConcurrentHashMap.get}. */
    public static final String CALIBRATION_CONCURRENT_HASH_MAP = CALIBRATION_CLASS + ".concurrentHashMapGet";
    /** Latency: readers and writers as one JMH group. */
    public static final String LATENCY = "dev.mapbench.bench.MapLatencyBenchmark.readWrite";
    /** Iteration: iterators, readers and writers as one JMH group. */
    public static final String ITERATION = "dev.mapbench.bench.MapIterationBenchmark.iteration";

    /** The parameter that names a cell's strategy. */
    public static final String STRATEGY_PARAM = "strategy";

    private Benchmarks() {
    }
}
