package dev.mapbench.bench;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.KeySpace;
import dev.mapbench.workload.KeyType;
import dev.mapbench.workload.OperationSequence;
import dev.mapbench.workload.WorkloadSpec;
import dev.mapbench.workload.Workloads;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A named workload ({@link WorkloadSpec}: a preset such as {@code cache} or {@code ycsb-a}, or a workload file):
 * every thread walks its own pre-generated sequence of operations ({@link OperationSequence}) on one shared map.
 *
 * <p>Parameters: {@code strategy} (a {@code MapStrategy} constant's name or a plug-in's class name) and
 * {@code workload} (a preset's name or a workload file's path). Threads come from JMH's {@code -t}; a workload
 * with roles runs the {@code roles} group ({@link #first}, {@link #second}) with {@code -tg} giving each role's
 * threads, so each role's throughput is its own secondary result; the {@code rolesLatency} group runs the same
 * roles in SampleTime for each role's latency percentiles. The score is operations per microsecond over
 * all threads; one operation is one step: a {@code get}, {@code put} (update or insert), {@code remove},
 * {@code putIfAbsent}, {@code computeIfAbsent} (the mapping function returns a prepared value), {@code merge}
 * ({@code merge(k, 1L, Long::sum)}) or a walk of the whole map.
 *
 * <p>What would make the number a lie, and how it is guarded: the timed method only indexes arrays made in setup
 * (the operation, the key object, or for built String keys the offset into a prepared {@code char[]}), then
 * calls the map and returns its result, which JMH consumes; no random draw, no lock the strategy does not take.
 * The only allocation the harness adds is the built String key of {@link KeyType#STRING_BUILT}, which is the
 * workload (a key parsed from a request). The walk's consumer counts entries into its own field and is returned,
 * so the walk is not dead code. A growing workload rebuilds the map before every iteration, outside the timed
 * part. A strategy that is not thread-safe runs only a workload that does not write; a strategy that lacks an
 * operation the workload needs is refused in setup.
 *
 * <p>Run one cell by hand: {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main
 * 'MapOperationBenchmark.operation$' -p strategy=CONCURRENT_HASHMAP -p workload=cache -t 2 -prof gc}; a workload
 * with roles: {@code 'MapOperationBenchmark.roles' -p workload=config -t 2 -tg 1,1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapOperationBenchmark {

    /** The shared map and what every thread's sequence is generated from. */
    @State(Scope.Benchmark)
    public static class Shared {

        @Param({"CONCURRENT_HASHMAP"})
        public String strategy;

        @Param({"ycsb-a"})
        public String workload;

        WorkloadSpec spec;
        Strategy resolved;
        KeySpace keys;
        SharedMap<Object, Object> map;
        Object[] residentKeys;
        Object[] residentValues;
        Object sharedValue;
        int threads;
        int expectedSize;
        /** The value a refilling computeIfAbsent or putIfAbsent stores. */
        Object missValue;
        /** How many resident keys the threads' removes can leave missing at once (a steady workload). */
        int mayBeMissing;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) {
            setUp(params.getThreads());
        }

        /** Resolves the workload and the strategy and fills the map for {@code threadCount} threads. */
        void setUp(int threadCount) {
            spec = Workloads.resolve(workload);
            resolved = Strategies.resolve(strategy);
            if (!resolved.threadSafe() && spec.writes()) {
                throw new IllegalStateException(strategy + " is not thread-safe: it runs only workloads that do not write, "
                        + "not " + spec.name());
            }
            threads = threadCount;
            spec.threadsPerRole(threads); // throws when the roles cannot be given these threads
            int freshKeys = spec.grows() ? threads * OperationSequence.FRESH_PER_THREAD : 0;
            keys = KeySpace.of(spec.keyType(), spec.size() + freshKeys);
            residentKeys = new Object[spec.size()];
            residentValues = new Object[spec.size()];
            sharedValue = spec.valueBytes() > 0 ? new byte[spec.valueBytes()] : null;
            for (int id = 0; id < spec.size(); id++) {
                residentKeys[id] = keys.key(id);
                residentValues[id] = valueOf(id, residentKeys[id]);
            }
            expectedSize = spec.presized() ? spec.size() + insertsPerIteration() : Math.max(spec.size(), 16);
            missValue = valueOf(0, Cursor.ONE);
            mayBeMissing = 0;
            if (!spec.grows()) {
                List<Integer> perRole = spec.threadsPerRole(threads);
                int thread = 0;
                for (int role = 0; role < perRole.size(); role++) {
                    Map<MapOperation, Integer> mix = spec.hasRoles() ? spec.roles().get(role).mix() : spec.mix();
                    for (int i = 0; i < perRole.get(role); i++) {
                        mayBeMissing += OperationSequence.generate(spec, mix, thread++).maxAbsent();
                    }
                }
            }
            fill();
            Set<MapOperation> missing = EnumSet.copyOf(spec.operations());
            missing.removeAll(map.operations());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(strategy + " does not implement " + missing + ", which " + spec.name()
                        + " needs");
            }
        }

        /**
         * After the measurement, outside the timed part ({@link StateCheck}): every resident key present (but those the
         * threads' removes may have out at once) with a value the workload could have left, and {@code size()} what a
         * walk visits, within what the workload allows; a map that corrupted itself fails the fork.
         */
        @TearDown(Level.Trial)
        public void checkState() {
            if (StateCheck.skipped()) {
                return;
            }
            StateCheck check = new StateCheck();
            if (spec.grows()) {
                check.residentKeys(map, residentKeys, 0, (id, value) -> true)
                        .size(map, residentKeys.length, residentKeys.length + (long) threads * OperationSequence.FRESH_PER_THREAD);
            } else {
                boolean merges = spec.operations().contains(MapOperation.MERGE);
                check.residentKeys(map, residentKeys, mayBeMissing, (id, value) -> merges ? value instanceof Long
                                : value.equals(residentValues[id]) || value.equals(missValue))
                        .size(map, residentKeys.length - mayBeMissing, residentKeys.length);
            }
            check.finish(strategy + " running " + spec.name() + " at " + threads + " threads");
        }

        /** A growing workload starts every iteration from the same map, rebuilt outside the timed part. */
        @Setup(Level.Iteration)
        public void refill() {
            if (spec.grows()) {
                fill();
            }
        }

        private void fill() {
            map = resolved.create(expectedSize, keyClass());
            Map<Object, Object> initial = new LinkedHashMap<>();
            for (int id = 0; id < residentKeys.length; id++) {
                initial.put(residentKeys[id], residentValues[id]);
            }
            map.putAll(initial);
            for (Object key : residentKeys) {
                if (map.get(key) == null) {
                    throw new IllegalStateException(strategy + " lost key " + key + " while filling");
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Class<Object> keyClass() {
            return (Class<Object>) (Class<?>) (spec.keyType() == KeyType.LONG ? Long.class : String.class);
        }

        /**
         * Key {@code id}'s value: a shared {@code byte[]} of the workload's value size; else, for Long keys, the key
         * itself (as the grid puts {@code (k, k)}), for String keys the id as a Long.
         */
        Object valueOf(int id, Object key) {
            if (sharedValue != null) {
                return sharedValue;
            }
            return key instanceof Long ? key : Long.valueOf(id);
        }

        private int insertsPerIteration() {
            return spec.grows() ? threads * OperationSequence.FRESH_PER_THREAD : 0;
        }
    }

    /** One thread's sequence and position: the only state the timed method changes. */
    @State(Scope.Thread)
    public static class Cursor {
        static final BiFunction<Object, Object, Object> SUM = (old, one) -> (Long) old + (Long) one;
        static final Long ONE = 1L;

        MapOperation[] operations;
        Object[] keys;
        int[] offsets;
        char[] characters;
        Object[] values;
        Function<Object, Object> loader;
        int index;
        int mask;
        boolean builtKeys;
        /** The walk's consumer: counts entries into its own field, and is returned so the walk is not dead code. */
        final Walk walk = new Walk();

        @Setup(Level.Trial)
        public void start(Shared shared, ThreadParams thread) {
            start(shared, thread.getThreadIndex(), thread.getSubgroupCount() > 1 ? thread.getSubgroupIndex() : 0);
        }

        /** The sequence of thread {@code threadIndex} (of all threads), playing role {@code role} (0 without roles). */
        void start(Shared shared, int threadIndex, int role) {
            Map<MapOperation, Integer> mix = shared.spec.hasRoles() ? shared.spec.roles().get(role).mix()
                    : shared.spec.mix();
            OperationSequence sequence = OperationSequence.generate(shared.spec, mix, threadIndex);
            int length = sequence.length();
            mask = length - 1;
            operations = sequence.operations();
            builtKeys = shared.spec.keyType() == KeyType.STRING_BUILT;
            keys = new Object[length];
            offsets = new int[length];
            values = new Object[length];
            characters = shared.keys.characters();
            for (int step = 0; step < length; step++) {
                int id = sequence.keys()[step];
                boolean resident = id < shared.residentKeys.length;
                keys[step] = resident ? shared.residentKeys[id] : shared.keys.key(id);
                offsets[step] = shared.keys.offset(id);
                values[step] = resident ? shared.residentValues[id] : shared.valueOf(id, keys[step]);
            }
            Object missValue = shared.missValue;
            loader = key -> missValue;
        }

        /** A growing workload's sequence starts over with every iteration's fresh map. */
        @Setup(Level.Iteration)
        public void rewind(Shared shared) {
            if (shared.spec.grows()) {
                index = 0;
            }
        }

        Object step(SharedMap<Object, Object> map) {
            int step = index++ & mask;
            Object key = builtKeys ? new String(characters, offsets[step], KeySpace.STRING_LENGTH) : keys[step];
            switch (operations[step]) {
                case GET:
                    return map.get(key);
                case UPDATE:
                case INSERT:
                    return map.put(key, values[step]);
                case REMOVE:
                    return map.remove(key);
                case PUT_IF_ABSENT:
                    return map.putIfAbsent(key, values[step]);
                case COMPUTE_IF_ABSENT:
                    return map.computeIfAbsent(key, loader);
                case MERGE:
                    return map.merge(key, ONE, SUM);
                default:
                    map.forEach(walk);
                    return walk;
            }
        }
    }

    /** Counts the entries a walk visits. */
    static final class Walk implements BiConsumer<Object, Object> {
        long visited;

        @Override
        public void accept(Object key, Object value) {
            visited++;
        }
    }

    /** Every thread runs the workload's one mix. */
    @Benchmark
    public Object operation(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }

    /** The first role's threads (JMH's {@code -tg} gives their count first). */
    @Benchmark
    @Group("roles")
    public Object first(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }

    /** The second role's threads. */
    @Benchmark
    @Group("roles")
    public Object second(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }

    /**
     * The first role's latency: the {@code roles} group again, in SampleTime, so each role's percentiles come from its
     * own threads (a read stuck behind the writer is in the readers' tail, not mixed with the writes).
     */
    @Benchmark
    @Group("rolesLatency")
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object firstLatency(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }

    /** The second role's latency. */
    @Benchmark
    @Group("rolesLatency")
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object secondLatency(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }

}
