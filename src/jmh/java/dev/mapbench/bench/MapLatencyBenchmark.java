package dev.mapbench.bench;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Latency of single map operations, reads and writes measured apart: how long one {@code get}, one
 * {@code remove} or one {@code put} takes, as percentiles (p50 ... p99.9, max), not as a mean.
 *
 * <p>Why a thread group: JMH's sample-time mode times sampled invocations of a method; a method that
 * mixes reads and writes would pour both into one histogram, and a read stuck behind a writer would be
 * indistinguishable from a slow write. Here the {@code readWrite} group has a {@code read} method and a
 * {@code write} method, each on its own threads, so JMH reports each as its own secondary result with
 * its own percentiles ({@code readWrite:read}, {@code readWrite:write}). The runner sets the thread
 * split per cell with JMH's {@code threadGroups} option ({@code -tg readers,writers}) from a read ratio
 * ({@link ThreadSplit}). Consequence to keep in mind: a cell's {@code readPercent} is the share of its
 * <em>threads</em> that read; the share of operations follows from how fast each kind runs. A reader
 * waiting on a writer's lock (RWLock, synchronized) or a writer starved by a stream of readers shows up
 * as the tail of that kind, which is the point of the benchmark.
 *
 * <p>Parameters: {@code strategy} (thread-safe strategies only: a constant's name or a plug-in's fully
 * qualified name, resolved in setup by {@link Strategies}), {@code readPercent} (checked against
 * the thread groups in setup, so a label can never disagree with the threads that ran), {@code size},
 * {@code keyDistribution}. Keys and operations come from {@link WorkloadSequence}, generated and boxed
 * in setup: readers walk an all-read sequence, writers an all-write one (remove a key, put it back, so
 * the size stays steady). Each thread starts at its own offset and its cursor is its own thread state.
 *
 * <p>Pitfalls: results are returned (no dead code); nothing in the timed methods allocates except
 * what the strategy itself allocates (a copy-on-write {@code put} copies the map: that is its cost).
 * JMH's timer adds its own ~20-30 ns to each sample, so a read's p50 near that is at the timer's
 * resolution; the tail, not the median, is what this benchmark is for.
 *
 * <p>Run one cell by hand (3 readers, 1 writer):
 * {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main MapLatencyBenchmark
 * -p strategy=RWLOCK_HASHMAP -p readPercent=75 -p size=10000 -tg 3,1 -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapLatencyBenchmark {

    /** The group's methods as JMH lists them in {@code threadGroupLabels}. */
    static final List<String> GROUP_METHODS = List.of("read", "write");

    @Param({"RWLOCK_HASHMAP", "CONCURRENT_HASHMAP", "COPY_ON_WRITE", "WRAPPER_LAYER", "SYNCHRONIZED_MAP",
            "STAMPED_LOCK", "CONCURRENT_SKIPLIST_MAP", "COPY_ON_WRITE_ATOMIC_REFERENCE", "CAFFEINE",
            "NON_BLOCKING_HASHMAP", "PERSISTENT_COPY_ON_WRITE"})
    public String strategy;

    /** Share of the group's threads that read; must match the thread groups (see class comment). */
    @Param({"50"})
    public int readPercent;

    @Param({"100", "10000"})
    public int size;

    @Param({"UNIFORM"})
    public KeyDistribution keyDistribution;

    private SharedMap<Long, Long> map;
    private Long[] readKeys;
    private Long[] writeKeys;
    private byte[] writeOperations;

    /** Checks the label against the threads, builds both sequences and fills the map, before timing. */
    @Setup(Level.Trial)
    public void fill(BenchmarkParams params) {
        ThreadSplit split = splitOf(params);
        if (split.readerSharePercent() != readPercent) {
            throw new IllegalStateException("readPercent=" + readPercent + " but the thread groups run "
                    + split.readers() + " readers and " + split.writers() + " writers ("
                    + split.readerSharePercent() + " % readers); pass -p readPercent=" + split.readerSharePercent());
        }
        Strategy resolved = Strategies.resolve(strategy);
        if (!resolved.threadSafe() && split.writers() > 0) {
            throw new IllegalStateException(strategy + " is not thread-safe: it runs only without writers");
        }
        readKeys = WorkloadSequence.generate(size, 100, keyDistribution).keys();
        WorkloadSequence writes = WorkloadSequence.generate(size, 0, keyDistribution);
        writeKeys = writes.keys();
        writeOperations = writes.operations();
        map = resolved.create(size);
        for (Long key : writes.residentKeys()) {
            map.put(key, key);
        }
        for (Long key : writes.residentKeys()) {
            if (map.get(key) == null) {
                throw new IllegalStateException(strategy + " lost key " + key + " while filling");
            }
        }
    }

    static ThreadSplit splitOf(BenchmarkParams params) {
        if (!GROUP_METHODS.equals(List.copyOf(params.getThreadGroupLabels()))) {
            throw new IllegalStateException("unexpected thread group labels " + params.getThreadGroupLabels());
        }
        int[] groups = params.getThreadGroups();
        return new ThreadSplit(groups[0], groups[1]);
    }

    /** One thread's position in its sequence: the only state the timed methods change. */
    @State(Scope.Thread)
    public static class Cursor {
        int index;

        @Setup(Level.Trial)
        public void start(ThreadParams threads) {
            index = WorkloadSequence.startOffset(threads.getSubgroupThreadIndex());
        }
    }

    @Benchmark
    @Group("readWrite")
    @GroupThreads(1)
    public Long read(Cursor cursor) {
        return map.get(readKeys[cursor.index++ & WorkloadSequence.MASK]);
    }

    @Benchmark
    @Group("readWrite")
    @GroupThreads(1)
    public Long write(Cursor cursor) {
        int step = cursor.index++ & WorkloadSequence.MASK;
        Long key = writeKeys[step];
        if (writeOperations[step] == WorkloadSequence.REMOVE) {
            return map.remove(key);
        }
        return map.put(key, key);
    }
}
