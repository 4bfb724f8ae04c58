package dev.mapbench.bench;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.recorder.Trace;
import dev.mapbench.trace.TraceReplay;
import dev.mapbench.workload.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A recorded trace replayed ({@code -Dbench.trace=<file>}): every thread walks its own sequence of the trace's
 * operations in recorded order ({@link TraceReplay}: which recorded threads each replay thread plays, which keys
 * are present at the start, how a large trace is sampled) on one shared map, and wraps to its start at the end.
 *
 * <p>Parameters: {@code strategy}, {@code trace} (the trace file's path) and {@code maxEvents} (the sampling
 * bound). The score is operations per microsecond over all threads; one operation is one recorded call:
 * {@code get}, {@code put} (over a present key or not, as the trace had it), {@code remove}, {@code putIfAbsent},
 * {@code computeIfAbsent} (the mapping function returns a prepared value) or {@code merge(k, 1L, Long::sum)}.
 *
 * <p>What would make the number a lie, and how it is guarded: the trace is read, keys rebuilt (one {@code Long}
 * or one String instance of the recorded length per key) and values made (a shared {@code byte[]} per recorded
 * size; {@code Long}s when the trace merges) in setup; the timed method only indexes arrays, calls the map and
 * returns its result. It differs from {@link MapOperationBenchmark}'s timed method only in how it wraps (a
 * compare with the length: a trace's length is not a power of two), which the harness comparison in
 * docs/traces.md measures. After the first pass the map is in whatever state the trace left it, and the next
 * pass replays over that state (a key inserted stays); a trace should be long against a measured iteration.
 *
 * <p>Run one cell by hand: {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main
 * 'MapTraceBenchmark.replay' -p strategy=CONCURRENT_HASHMAP -p trace=service.trace -p maxEvents=4194304 -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapTraceBenchmark {

    /** The shared map and the replay every thread's sequence comes from. */
    @State(Scope.Benchmark)
    public static class Shared {

        @Param({"CONCURRENT_HASHMAP"})
        public String strategy;

        @Param({"service.trace"})
        public String trace;

        @Param({"4194304"})
        public long maxEvents;

        TraceReplay replay;
        /** Whether values are Longs (the trace merges), counted once: {@link TraceReplay#longValues} walks every event. */
        boolean longValues;
        /** Whether keys are Strings, counted once: {@link TraceReplay#stringKeys} walks every key. */
        boolean stringKeys;
        SharedMap<Object, Object> map;
        Object[] keys;
        Map<Integer, byte[]> valuesBySize;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) {
            setUp(params.getThreads());
        }

        /** Loads the trace for {@code threads} threads, resolves the strategy and fills the map. */
        void setUp(int threads) {
            try {
                replay = TraceReplay.load(Path.of(trace), threads, maxEvents);
                longValues = replay.longValues();
                stringKeys = replay.stringKeys();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            Strategy resolved = Strategies.resolve(strategy);
            if (!resolved.threadSafe() && !replay.operations().equals(Set.of(MapOperation.GET))) {
                throw new IllegalStateException(strategy + " is not thread-safe: it replays only traces that do not write");
            }
            keys = new Object[replay.trace().keys().size()];
            valuesBySize = new HashMap<>();
            int[] resident = replay.residentKeys();
            @SuppressWarnings("unchecked")
            Class<Object> keyClass = (Class<Object>) (Class<?>) (stringKeys ? String.class : Long.class);
            map = resolved.create(Math.max(16, replay.trace().keys().size()), keyClass);
            Set<MapOperation> missing = EnumSet.copyOf(replay.operations());
            missing.removeAll(map.operations());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(strategy + " does not implement " + missing + ", which the trace needs");
            }
            Map<Object, Object> initial = new LinkedHashMap<>();
            for (int id : resident) {
                initial.put(key(id), Long.valueOf(id));
            }
            map.putAll(initial);
        }

        /** Key {@code id}'s one instance. */
        Object key(int id) {
            Object key = keys[id];
            if (key == null) {
                key = replay.key(id, stringKeys);
                keys[id] = key;
            }
            return key;
        }

        /** An event's value: a Long for a merging trace or an unknown size, else a shared array of that size. */
        Object value(long event) {
            int size = Trace.valueSize(event);
            if (longValues || size < 0) {
                return Long.valueOf(Trace.key(event));
            }
            return valuesBySize.computeIfAbsent(Math.min(size, WorkloadSpec.MAX_VALUE_BYTES), byte[]::new);
        }
    }

    /** One thread's sequence and position: the only state the timed method changes. */
    @State(Scope.Thread)
    public static class Cursor {
        static final BiFunction<Object, Object, Object> SUM = (old, one) -> (Long) old + (Long) one;
        static final Long ONE = 1L;

        byte[] operations;
        Object[] keys;
        Object[] values;
        Function<Object, Object> loader;
        int index;
        int length;

        @Setup(Level.Trial)
        public void start(Shared shared, ThreadParams thread) {
            start(shared, thread.getThreadIndex());
        }

        /** Replay thread {@code threadIndex}'s sequence, made into arrays. */
        void start(Shared shared, int threadIndex) {
            long[] events = shared.replay.sequences().get(threadIndex);
            length = events.length;
            operations = new byte[length];
            keys = new Object[length];
            values = new Object[length];
            synchronized (shared) {
                for (int step = 0; step < length; step++) {
                    operations[step] = (byte) Trace.operationCode(events[step]);
                    keys[step] = shared.key(Trace.key(events[step]));
                    values[step] = shared.value(events[step]);
                }
            }
            Object prepared = shared.longValues ? ONE : shared.value(events[0]);
            loader = key -> prepared;
        }

        Object step(SharedMap<Object, Object> map) {
            int step = index;
            index = step + 1 == length ? 0 : step + 1;
            Object key = keys[step];
            switch (operations[step]) { // TraceOperation codes: a byte switch, no enum lookup on the timed path
                case 0:
                    return map.get(key);
                case 1:
                    return map.put(key, values[step]);
                case 2:
                    return map.remove(key);
                case 3:
                    return map.putIfAbsent(key, values[step]);
                case 4:
                    return map.computeIfAbsent(key, loader);
                default:
                    return map.merge(key, ONE, SUM);
            }
        }
    }

    /** Every thread replays its sequence. */
    @Benchmark
    public Object replay(Shared shared, Cursor cursor) {
        return cursor.step(shared.map);
    }
}
