package dev.mapbench.bench;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.GridWrites;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * The workload matrix: one shared map, every thread doing reads and writes on it in a fixed mix.
 *
 * <p>Parameters (on {@link Workload}): {@code strategy} (a {@link MapStrategy} constant's name, or a plug-in's
 * fully qualified name, resolved in setup by {@link Strategies}), {@code readPercent}
 * (share of {@code get}s; the rest are writes), {@code size} (entries in the map), {@code keyDistribution}
 * (uniform or Zipf hot keys). Thread count is not a parameter: the runner
 * ({@code dev.mapbench.runner.BenchRunner}) sweeps it with JMH's {@code -t}. The score is operations per
 * microsecond over all threads; one operation is one step of {@link WorkloadSequence}: a {@code get}, or a
 * write ({@code writes}): an update ({@code put} over a present key), or half {@code remove} of a key and half
 * {@code put} of that key back (the size stays steady; see {@link WorkloadSequence}).
 *
 * <p>What would make the number a lie, and how it is guarded: the timed method only indexes arrays
 * built and boxed in setup (no allocation, no random draw, no lock the strategy does not take); each
 * thread's cursor is its own {@code @State(Scope.Thread)} object (JMH pads it, no false sharing on the
 * index); the map operation's result is returned, so JMH's blackhole consumes it and it cannot be
 * removed as dead code. {@link MapStrategy#UNSYNCHRONIZED_HASHMAP} (and a plug-in marked unsafe) is refused
 * unless every operation is a read: it is the read-only ceiling, never a subject of concurrent writes.
 *
 * <p>Why the timed path is shaped this way: a read costs 2–5 ns, so every load the harness adds shows.
 * The map and sequence live in a state object passed as an argument (state fields on the benchmark
 * instance itself measured up to 30 % slower in some forks), and a read is recognised by comparing the
 * step with the cursor's next write step, not by loading an operation code from a second array. In an
 * 8-fork side-by-side run the 100 %-read, size-100 ConcurrentHashMap cell went from 395 to 442 ops/µs
 * (see the README, "Harness overhead").
 *
 * <p>Allocation: run with {@code -prof gc}; {@code gc.alloc.rate.norm} is bytes per operation averaged
 * over reads and writes. The 100 % and 0 % read cells give bytes per read and per write separately.
 *
 * <p>Run one cell by hand:
 * {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main MapWorkloadBenchmark
 * -p strategy=COPY_ON_WRITE -p readPercent=95 -p size=10000 -p keyDistribution=ZIPFIAN -t 2 -prof gc}; a
 * plug-in: its jar on {@code -cp} and {@code -p strategy=org.example.TeamMap} (the runner does both from
 * {@code -Dbench.classpath} and {@code -Dbench.strategies}, after checking it with Lincheck).
 */
@State(Scope.Benchmark) // holds no workload state; lets subclasses (the GC sweep) add a @Param of their own
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapWorkloadBenchmark {

    /** The shared map and the sequence every thread walks, built and warmed before timing. */
    @State(Scope.Benchmark)
    public static class Workload {

        /** A string, not the enum, so a plug-in's class name can be a value; the runner always passes one. */
        @Param({"RWLOCK_HASHMAP", "CONCURRENT_HASHMAP", "COPY_ON_WRITE", "WRAPPER_LAYER", "SYNCHRONIZED_MAP",
                "STAMPED_LOCK", "CONCURRENT_SKIPLIST_MAP", "COPY_ON_WRITE_ATOMIC_REFERENCE", "CAFFEINE",
                "NON_BLOCKING_HASHMAP", "PERSISTENT_COPY_ON_WRITE", "UNSYNCHRONIZED_HASHMAP"})
        public String strategy;

        @Param({"100", "95", "75", "50", "0"})
        public int readPercent;

        @Param({"100", "10000"})
        public int size;

        @Param({"UNIFORM", "ZIPFIAN"})
        public KeyDistribution keyDistribution;

        /** What a write is: a remove and a later put of the same key back, or an update of a present key. */
        @Param({"UPDATE", "REMOVE_INSERT"})
        public GridWrites writes;

        SharedMap<Long, Long> map;
        boolean updates;
        Long[] keys;
        Long[] residentKeys;
        int[] writeSteps;

        /** Builds the sequence, fills the map and touches every entry once, all before timing. */
        @Setup(Level.Trial)
        public void fill() {
            Strategy resolved = Strategies.resolve(strategy);
            if (!resolved.threadSafe() && readPercent < 100) {
                throw new IllegalStateException(strategy + " is not thread-safe: it runs only with readPercent=100, not "
                        + readPercent);
            }
            WorkloadSequence sequence = WorkloadSequence.generate(size, readPercent, keyDistribution, writes);
            updates = writes == GridWrites.UPDATE;
            keys = sequence.keys();
            residentKeys = sequence.residentKeys();
            writeSteps = sequence.writeSteps();
            map = resolved.create(size);
            // One putAll: copy-on-write fills in one copy instead of one per entry (10 000 entries: ~1 s of
            // every fork's setup); the other strategies' putAll is one put per entry, as before.
            Map<Long, Long> initial = new LinkedHashMap<>();
            for (Long key : sequence.residentKeys()) {
                initial.put(key, key);
            }
            map.putAll(initial);
            for (Long key : sequence.residentKeys()) {
                if (map.get(key) == null) {
                    throw new IllegalStateException(strategy + " lost key " + key + " while filling");
                }
            }
        }
        /**
         * After the measurement, outside the timed part: every resident key present with its value (the key itself), at
         * most one key per thread missing while remove + insert writes run, and {@code size()} what a walk visits
         * ({@link StateCheck}); a map that corrupted itself fails the fork.
         */
        @TearDown(Level.Trial)
        public void checkState(BenchmarkParams params) {
            if (StateCheck.skipped()) {
                return;
            }
            int threads = params.getThreads();
            int mayBeMissing = updates || readPercent == 100 ? 0 : threads;
            new StateCheck()
                    .residentKeys(map, residentKeys, mayBeMissing,
                            (id, value) -> value.equals(residentKeys[id]))
                    .size(map, size - mayBeMissing, size)
                    .finish(strategy + " at " + readPercent + " % reads, size " + size + ", "
                            + threads + " threads");
        }
    }

    /** One thread's position in the sequence, and the next step that writes: the only state the timed method changes. */
    @State(Scope.Thread)
    public static class Cursor {
        int index;
        /** Position in {@link Workload#writeSteps} of the next write; its parity says remove or put. */
        int writeOrdinal;
        /** The step of the next write; -1 when the sequence has none, so no step matches. */
        int nextWrite;

        @Setup(Level.Trial)
        public void start(Workload workload, ThreadParams threads) {
            startAt(workload, WorkloadSequence.startOffset(threads.getThreadIndex()));
        }

        void startAt(Workload workload, int offset) {
            index = offset;
            if (workload.writeSteps.length == 0) {
                nextWrite = -1;
            } else {
                writeOrdinal = WorkloadSequence.firstWriteAtOrAfter(workload.writeSteps, offset);
                nextWrite = workload.writeSteps[writeOrdinal];
            }
        }
    }

    @Benchmark
    public Long operation(Workload workload, Cursor cursor) {
        int step = cursor.index++ & WorkloadSequence.MASK;
        Long key = workload.keys[step];
        if (step != cursor.nextWrite) {
            return workload.map.get(key);
        }
        int ordinal = cursor.writeOrdinal;
        int[] writeSteps = workload.writeSteps;
        int following = ordinal + 1 == writeSteps.length ? 0 : ordinal + 1;
        cursor.writeOrdinal = following;
        cursor.nextWrite = writeSteps[following];
        return (ordinal & 1) == 0 && !workload.updates ? workload.map.remove(key) : workload.map.put(key, key);
    }
}
