package dev.mapbench.workload;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one cell: one benchmark with one value per parameter and one thread count. The id names its
 * files ({@code cells/NNNN-<id>.json}, {@code forks/<file>/}), its rows ({@code forks.csv}) and its place in
 * {@code bench.include}; {@link #workload()} is what the cells one comparison ranks share.
 *
 * <ul>
 *   <li>{@link Workload}: {@code COPY_ON_WRITE-r95-s100-UNIFORM-t2} (a grid workload; {@code -UPDATE} before the
 *       threads when its writes are updates)</li>
 *   <li>{@link Named}: {@code CONCURRENT_HASHMAP-W.cache-t2} (a preset or a workload file, by its name; a replayed
 *       trace as {@code W.trace-<file name>-t2})</li>
 *   <li>{@link Calibration}: {@code CALIBRATION-s100-UNIFORM-t1} (bare HashMap) or {@code CALIBRATION_CHM-…}
 *       (bare ConcurrentHashMap)</li>
 *   <li>{@link Latency}: {@code LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4} ({@code r}: share of threads reading)</li>
 *   <li>{@link RoleLatency}: {@code LATENCY-CONCURRENT_HASHMAP-W.config-t2} (a named workload's roles, each role's
 *       latency)</li>
 *   <li>{@link GcSweep}: {@code GC-Z-COPY_ON_WRITE-r95-s10000-UNIFORM-t2}</li>
 *   <li>{@link Iteration}: {@code ITERATION-RWLOCK_HASHMAP-JSON-s10000-i1r0w1-t2}</li>
 * </ul>
 */
public sealed interface CellId permits CellId.Workload, CellId.Named, CellId.Calibration, CellId.Latency,
        CellId.RoleLatency, CellId.GcSweep, CellId.Iteration {

    /** The id. */
    String id();

    /** The strategy measured, or null for a calibration cell. */
    String strategy();

    /** The cell's id without its strategy: every strategy of one such workload is compared with the others. */
    String workload();

    /** The cell's thread count. */
    int threads();

    /** A cell of the workload matrix. */
    record Workload(String strategy, WorkloadId workloadId) implements CellId {
        @Override
        public String id() {
            return strategy + "-" + workloadId.id();
        }

        @Override
        public String workload() {
            return workloadId.id();
        }

        @Override
        public int threads() {
            return workloadId.threads();
        }
    }

    /** A cell of a named workload (a preset or a workload file). */
    record Named(String strategy, String name, int threads) implements CellId {
        /** The named workload at this cell's threads. */
        public NamedWorkloadId workloadId() {
            return new NamedWorkloadId(name, threads);
        }

        @Override
        public String id() {
            return strategy + "-W." + name + "-t" + threads;
        }

        @Override
        public String workload() {
            return "W." + name + "-t" + threads;
        }
    }

    /** A calibration cell: a bare map's {@code get}, the ruler of a run. */
    record Calibration(boolean concurrentHashMap, long size, String keyDistribution, int threads) implements CellId {
        @Override
        public String id() {
            return (concurrentHashMap ? "CALIBRATION_CHM" : "CALIBRATION") + "-s" + size + "-" + keyDistribution + "-t"
                    + threads;
        }

        @Override
        public String strategy() {
            return null;
        }

        @Override
        public String workload() {
            return id();
        }
    }

    /** A latency cell: readers and writers on their own threads; {@code readPercent} is the share of threads reading. */
    record Latency(String strategy, WorkloadId workloadId) implements CellId {
        @Override
        public String id() {
            return "LATENCY-" + strategy + "-" + workloadId.id();
        }

        @Override
        public String workload() {
            return "LATENCY-*-" + workloadId.id();
        }

        @Override
        public int threads() {
            return workloadId.threads();
        }
    }

    /** A role-latency cell: a named workload's roles as a JMH group in SampleTime, each role's percentiles its own. */
    record RoleLatency(String strategy, String name, int threads) implements CellId {
        /** The named workload whose roles this cell times. */
        public NamedWorkloadId workloadId() {
            return new NamedWorkloadId(name, threads);
        }

        @Override
        public String id() {
            return "LATENCY-" + strategy + "-W." + name + "-t" + threads;
        }

        @Override
        public String workload() {
            return "LATENCY-*-W." + name + "-t" + threads;
        }
    }

    /** A GC-sweep cell: a workload cell under one collector. */
    record GcSweep(String collector, String strategy, WorkloadId workloadId) implements CellId {
        @Override
        public String id() {
            return "GC-" + collector + "-" + strategy + "-" + workloadId.id();
        }

        @Override
        public String workload() {
            return "GC-" + collector + "-*-" + workloadId.id();
        }

        @Override
        public int threads() {
            return workloadId.threads();
        }
    }

    /**
     * An iteration cell: a walk of the map while others write it.
     *
     * @param split the thread split's label, e.g. {@code i1r0w1} (iterators, readers, writers)
     */
    record Iteration(String strategy, String visit, long size, String split, int threads) implements CellId {
        @Override
        public String id() {
            return "ITERATION-" + strategy + "-" + visit + "-s" + size + "-" + split + "-t" + threads;
        }

        @Override
        public String workload() {
            return "ITERATION-*-" + visit + "-s" + size + "-" + split + "-t" + threads;
        }
    }

    /** Strategy names are constants ({@code COPY_ON_WRITE}) or qualified class names ({@code org.example.TeamMap}). */
    String STRATEGY = "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*?)";
    /** The id patterns, one per kind. */
    Pattern CALIBRATION = Pattern.compile("(CALIBRATION|CALIBRATION_CHM)-s(\\d+)-([A-Z_]+)-t(\\d+)");
    Pattern LATENCY = Pattern.compile("LATENCY-" + STRATEGY + "-(r\\d+-s\\d+-[A-Z_]+(?:-UPDATE)?-t\\d+)");
    Pattern GC_SWEEP = Pattern.compile("GC-([A-Z0-9_]+)-" + STRATEGY + "-(r\\d+-s\\d+-[A-Z_]+(?:-UPDATE)?-t\\d+)");
    Pattern ITERATION = Pattern.compile("ITERATION-" + STRATEGY + "-([A-Z_]+)-s(\\d+)-(i\\d+r\\d+w\\d+)-t(\\d+)");
    Pattern NAMED = Pattern.compile(STRATEGY + "-W\\.([a-z0-9][a-z0-9-]*)-t(\\d+)");
    Pattern ROLE_LATENCY = Pattern.compile("LATENCY-" + STRATEGY + "-W\\.([a-z0-9][a-z0-9-]*)-t(\\d+)");
    Pattern WORKLOAD = Pattern.compile(STRATEGY + "-(r\\d+-s\\d+-[A-Z_]+(?:-UPDATE)?-t\\d+)");

    /** The cell an id names; empty when it is none of the kinds above. */
    static Optional<CellId> parse(String id) {
        Matcher m = CALIBRATION.matcher(id);
        if (m.matches()) {
            return Optional.of(new Calibration(m.group(1).equals("CALIBRATION_CHM"), Long.parseLong(m.group(2)),
                    m.group(3), Integer.parseInt(m.group(4))));
        }
        Matcher roles = ROLE_LATENCY.matcher(id);
        if (roles.matches()) {
            return Optional.of(new RoleLatency(roles.group(1), roles.group(2), Integer.parseInt(roles.group(3))));
        }
        Matcher latency = LATENCY.matcher(id);
        if (latency.matches()) {
            return WorkloadId.parse(latency.group(2)).map(w -> new Latency(latency.group(1), w));
        }
        Matcher gc = GC_SWEEP.matcher(id);
        if (gc.matches()) {
            return WorkloadId.parse(gc.group(3)).map(w -> new GcSweep(gc.group(1), gc.group(2), w));
        }
        m = ITERATION.matcher(id);
        if (m.matches()) {
            return Optional.of(new Iteration(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4),
                    Integer.parseInt(m.group(5))));
        }
        Matcher named = NAMED.matcher(id);
        if (named.matches()) {
            return Optional.of(new Named(named.group(1), named.group(2), Integer.parseInt(named.group(3))));
        }
        Matcher workload = WORKLOAD.matcher(id);
        if (workload.matches()) {
            return WorkloadId.parse(workload.group(2)).map(w -> new Workload(workload.group(1), w));
        }
        return Optional.empty();
    }

    /**
     * The cell of a JMH result: its benchmark, parameters and threads; empty for a benchmark mapbench does not
     * name (any other JMH output) or a cell missing a parameter its kind needs.
     */
    static Optional<CellId> of(String benchmark, Map<String, String> params, int threads) {
        try {
            String keys = params.getOrDefault("keyDistribution", "UNIFORM");
            if (benchmark.equals(Benchmarks.CALIBRATION_HASH_MAP) || benchmark.equals(Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP)) {
                return Optional.of(new Calibration(benchmark.equals(Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP),
                        Long.parseLong(params.get("size")), keys, threads));
            }
            String strategy = params.get("strategy");
            if (strategy == null) {
                return Optional.empty();
            }
            if (benchmark.equals(Benchmarks.ITERATION)) {
                return Optional.of(new Iteration(strategy, params.get("visit"), Long.parseLong(params.get("size")),
                        "i" + params.get("iterators") + "r" + params.get("readers") + "w" + params.get("writers"), threads));
            }
            if (benchmark.equals(Benchmarks.TRACE)) {
                return Optional.of(new Named(strategy, Workloads.traceName(params.get("trace")), threads));
            }
            if (benchmark.equals(Benchmarks.OPERATION_ROLES_LATENCY)) {
                return Optional.of(new RoleLatency(strategy, Workloads.nameOf(params.get("workload")), threads));
            }
            if (benchmark.startsWith(Benchmarks.OPERATION_CLASS + ".")) {
                return Optional.of(new Named(strategy, Workloads.nameOf(params.get("workload")), threads));
            }
            WorkloadId workload = new WorkloadId(Integer.parseInt(params.get("readPercent")),
                    Long.parseLong(params.get("size")), keys, threads,
                    params.containsKey("writes") ? GridWrites.valueOf(params.get("writes")) : GridWrites.REMOVE_INSERT);
            if (benchmark.equals(Benchmarks.GC_SWEEP)) {
                return Optional.of(new GcSweep(params.get("gc"), strategy, workload));
            }
            if (benchmark.equals(Benchmarks.LATENCY)) {
                return Optional.of(new Latency(strategy, workload));
            }
            if (benchmark.startsWith(Benchmarks.WORKLOAD_CLASS + ".")) {
                return Optional.of(new Workload(strategy, workload));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a parameter missing or not a number: not a cell mapbench named
        }
    }
}
