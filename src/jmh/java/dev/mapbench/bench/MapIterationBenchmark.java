package dev.mapbench.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Walking a whole shared map while other threads write it, as a service does that dumps its map on every
 * request (to JSON, a metrics endpoint, a snapshot): what one walk costs, how long writers stall behind
 * it, and what the walk saw.
 *
 * <p>Workload: one map of {@code size} entries; the {@code iteration} group has three methods on their own
 * threads, set per cell with JMH's {@code threadGroups} ({@link IterationSplit}): {@code iterate} walks
 * the whole map with the strategy's safe {@link SharedMap#forEach} (lock held, snapshot, or weakly
 * consistent, as each strategy does it), {@code write} does one {@code remove} or one {@code put} after an
 * untimed pause of about 1 µs (a service's writer does other work between writes; see {@link Writer#pause}),
 * and {@code read} one {@code get}. Sample-time mode, so each method has its own percentiles: a walk's
 * time in {@code iteration:iterate}, a writer's stall behind a walk in {@code iteration:write}.
 * {@code visit}: {@link IterationVisit#CONSUME} reads every key and value; {@link IterationVisit#JSON}
 * writes every entry with Jackson's streaming {@code JsonGenerator} ({@code writeFieldId(key)},
 * {@code writeNumber(value)}) into a reusable byte buffer, inside the same {@code forEach}, so the
 * serialisation sees exactly what the strategy's safe walk offers (for copy-on-write its snapshot, for the
 * locks the map under the lock, for the wrapper layer its copied entry list). One code path for every
 * strategy: the differences are the strategies'.
 *
 * <p>What the walk saw, measured: writers stamp every value with a generation and a position along a
 * fixed, shuffled order of their own keys ({@link ViewCheck}); each walk feeds every value it visits to a
 * {@link ViewCheck}, which says whether the view could have been the map at one instant, and counts the
 * entries visited. The map holds between {@code size - writers} and {@code size} entries at every instant
 * (each writer has at most the one key it is rewriting removed). {@link IterationViewProfiler} (run with
 * {@code -prof dev.mapbench.bench.IterationViewProfiler}) reports per cell: walks, views that mixed
 * states, walks that writes raced, entries visited min/mean/max, writes that landed during a walk (the
 * writers' counters read at the walk's first entry and every 64 entries, inside its lock or snapshot),
 * walk/write/read rates and bytes allocated per walk (measured around every 16th walk). Decision: the check runs inside the timed walk rather than in a separate
 * untimed probe, because it is O(1) per entry without allocation (a few shifts and compares on the value
 * the visit reads anyway) and because only the timed walks race the writers the way a service's do; a
 * separate probe would report the consistency of other walks than the ones timed. So {@code CONSUME}'s
 * time is "visit, unbox key and value, check the stamp" per entry: a consumer that touches each entry.
 *
 * <p>Pitfalls guarded: keys, slices and the JSON buffer are built in setup, and the map is filled with
 * {@link SharedMap#putAll} (copy-on-write filled by {@code put} would copy the map once per entry, minutes at
 * 100 000); the walk's result (key sum
 * and count, or the JSON byte count) is returned, so nothing is dead code. A {@code put} allocates one
 * {@code Long} for its stamped value (16 B, the same for every strategy): without a new value per pass a
 * mixed view could not be told from a real one. The writers' progress counters are release stores to
 * padded slots (a plain store on x86). Sample-time walks at 10 000 entries and more are few per
 * iteration, so a walk's p99.9 rests on a handful of samples in short runs; JMH gives percentiles no
 * error. More than one JMH group per trial is refused (writers would share slices).
 *
 * <p>Run one cell by hand (1 iterator, 0 readers, 1 writer):
 * {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main MapIterationBenchmark
 * -p strategy=RWLOCK_HASHMAP -p visit=JSON -p size=10000 -p iterators=1 -p readers=0 -p writers=1 -tg 1,0,1
 * -prof dev.mapbench.bench.IterationViewProfiler -f 1 -wi 3 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapIterationBenchmark {

    /** The group's methods as JMH lists them in {@code threadGroupLabels}. */
    static final List<String> GROUP_METHODS = List.of("iterate", "read", "write");

    private static final long ORDER_SEED = 0x6974_6572L;
    /**
     * A writer's untimed pause before each write: {@code Blackhole.consumeCPU(512)}, about 1 µs on the 2-core
     * development machine (0.95 µs, best of 200 × 1000 calls).
     */
    static final long WRITER_PAUSE_TOKENS = 512;
    /** A walk reads the writers' counters at its first entry and then at every this many entries. */
    static final int COUNTER_STRIDE = 64;
    /** Every this many walks, an iterator also measures what its walk allocated. */
    static final int ALLOCATION_SAMPLE_EVERY = 16;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    /** Thread-safe; each walk makes its generator, as a service does per request (buffers are recycled per thread). */
    private static final JsonFactory JSON = new JsonFactory();

    /** The shared map, the writers' slices and the readers' keys, built before timing. */
    @State(Scope.Benchmark)
    public static class Shared {

        @Param({"RWLOCK_HASHMAP", "CONCURRENT_HASHMAP", "COPY_ON_WRITE", "WRAPPER_LAYER", "SYNCHRONIZED_MAP",
                "STAMPED_LOCK"})
        public MapStrategy strategy;

        @Param({"CONSUME", "JSON"})
        public IterationVisit visit;

        @Param({"10000"})
        public int size;

        /** The thread split, checked against the thread groups in setup so a label never disagrees with the threads. */
        @Param({"1"})
        public int iterators;

        @Param({"1"})
        public int readers;

        @Param({"1"})
        public int writers;

        SharedMap<Long, Long> map;
        /** Writer {@code w}'s keys, in the order it rewrites them. */
        Long[][] slices;
        Long[] readKeys;
        IterationProbe.Counters counters;

        @Setup(Level.Trial)
        public void fill(BenchmarkParams params) {
            IterationSplit split = splitOf(params);
            if (split.iterators() != iterators || split.readers() != readers || split.writers() != writers) {
                throw new IllegalStateException("params say " + new IterationSplit(iterators, readers, writers).describe()
                        + " but the thread groups run " + split.describe() + "; pass -p iterators=" + split.iterators()
                        + " -p readers=" + split.readers() + " -p writers=" + split.writers());
            }
            if (!strategy.threadSafe()) {
                throw new IllegalStateException(strategy + " is not thread-safe: it cannot be walked while written");
            }
            if (writers > ViewCheck.MAX_WRITERS || size < writers || size / writers >= ViewCheck.MAX_SLICE) {
                throw new IllegalStateException("size " + size + " cannot be split among " + writers + " writers");
            }
            Long[] keys = WorkloadSequence.generate(size, 100, KeyDistribution.UNIFORM).residentKeys();
            readKeys = WorkloadSequence.generate(size, 100, KeyDistribution.UNIFORM).keys();
            Long[] order = shuffled(keys);
            slices = new Long[writers][];
            Map<Long, Long> initial = new HashMap<>();
            for (int writer = 0; writer < writers; writer++) {
                int from = (int) ((long) size * writer / writers);
                int to = (int) ((long) size * (writer + 1) / writers);
                slices[writer] = Arrays.copyOfRange(order, from, to);
                for (int position = 0; position < slices[writer].length; position++) {
                    initial.put(slices[writer][position], ViewCheck.stamp(0, writer, position));
                }
            }
            map = strategy.create(size);
            map.putAll(initial);
            if (map.size() != size) {
                throw new IllegalStateException(strategy + " holds " + map.size() + " entries after filling " + size);
            }
            counters = new IterationProbe.Counters(writers, readers);
            IterationProbe.counters = counters;
        }

        int[] sliceLengths() {
            int[] lengths = new int[slices.length];
            for (int writer = 0; writer < slices.length; writer++) {
                lengths[writer] = slices[writer].length;
            }
            return lengths;
        }

        private static Long[] shuffled(Long[] keys) {
            Long[] order = keys.clone();
            Random random = new Random(ORDER_SEED);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Long swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }
    }

    static IterationSplit splitOf(BenchmarkParams params) {
        if (!GROUP_METHODS.equals(List.copyOf(params.getThreadGroupLabels()))) {
            throw new IllegalStateException("unexpected thread group labels " + params.getThreadGroupLabels());
        }
        int[] groups = params.getThreadGroups();
        IterationSplit split = new IterationSplit(groups[0], groups[1], groups[2]);
        if (params.getThreads() != split.threads()) {
            throw new IllegalStateException(params.getThreads() + " threads make more than one group of "
                    + split.threads() + "; run exactly one group (-t " + split.threads() + ")");
        }
        return split;
    }

    /** One iterator: its view check, JSON buffer and tally. */
    @State(Scope.Thread)
    public static class Walker {
        IterationVisit visit;
        SharedMap<Long, Long> map;
        IterationProbe.Counters counters;
        ViewCheck check;
        IterationProbe.Tally tally;
        ByteArrayOutputStream buffer;
        JsonGenerator json;
        long keySum;
        /** The writers' count at the walk's first entry (inside the lock, or on the snapshot) and at its last checkpoint. */
        long writesAtFirstEntry;
        long writesAtLastCheckpoint;
        long walks;

        /** Reads key and value of one entry and checks its stamp: the whole CONSUME visit. */
        final BiConsumer<Long, Long> consume = (key, value) -> {
            checkpoint();
            keySum += key;
            check.accept(value);
        };

        /** The CONSUME visit plus the entry written as one JSON field. */
        final BiConsumer<Long, Long> toJson = (key, value) -> {
            checkpoint();
            long stamp = value;
            check.accept(stamp);
            try {
                json.writeFieldId(key);
                json.writeNumber(stamp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        @Setup(Level.Trial)
        public void start(Shared shared) {
            visit = shared.visit;
            map = shared.map;
            counters = shared.counters;
            check = new ViewCheck(shared.sliceLengths());
            buffer = new ByteArrayOutputStream(shared.size * 32);
            tally = new IterationProbe.Tally(shared.writers);
            IterationProbe.TALLIES.add(tally);
        }

        /**
         * Reads the writers' counters at the first entry and every {@link #COUNTER_STRIDE} entries after it, while
         * the walk holds its lock or its snapshot: writes counted between them landed during the walk. Reading
         * them at every entry would bounce their cache line between writer and walker.
         */
        private void checkpoint() {
            long visited = check.visited();
            if (visited % COUNTER_STRIDE == 0) {
                long writes = counters.writes();
                if (visited == 0) {
                    writesAtFirstEntry = writes;
                }
                writesAtLastCheckpoint = writes;
            }
        }

        long walk() {
            boolean measureAllocation = walks++ % ALLOCATION_SAMPLE_EVERY == 0;
            long allocatedBefore = measureAllocation ? THREADS.getCurrentThreadAllocatedBytes() : 0;
            check.reset();
            writesAtFirstEntry = 0;
            writesAtLastCheckpoint = 0;
            long result;
            if (visit == IterationVisit.CONSUME) {
                keySum = 0;
                map.forEach(consume);
                result = keySum + check.visited();
            } else {
                result = serialise();
            }
            long allocated = measureAllocation ? THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore : -1;
            tally.record(check.visited(), check.consistent(), writesAtLastCheckpoint - writesAtFirstEntry, allocated);
            return result;
        }

        private long serialise() {
            buffer.reset();
            try (JsonGenerator generator = JSON.createGenerator(buffer)) {
                json = generator;
                generator.writeStartObject();
                map.forEach(toJson);
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.size();
        }
    }

    /** One writer: its slice, where it is in it, and which pass. */
    @State(Scope.Thread)
    public static class Writer {
        SharedMap<Long, Long> map;
        IterationProbe.Counters counters;
        Long[] slice;
        int index;
        /** Position in the slice times two, plus one once the key is removed and waits for its put. */
        int step;
        long generation = 1;
        long writes;

        @Setup(Level.Trial)
        public void start(Shared shared, ThreadParams threads) {
            map = shared.map;
            counters = shared.counters;
            index = threads.getSubgroupThreadIndex();
            slice = shared.slices[index];
        }

        /**
         * The writer's other work between two writes, outside the timed write (an invocation-level helper is
         * not timed in sample-time mode). Without it a writer re-takes a lock in the instant a walk lets go
         * and does thousands of quick writes per walk; the share of its writes that wait behind a walk, and
         * so its percentiles, would say more about the loop than about the map.
         */
        @Setup(Level.Invocation)
        public void pause() {
            Blackhole.consumeCPU(WRITER_PAUSE_TOKENS);
        }

        Long write() {
            int position = step >>> 1;
            Long key = slice[position];
            Long result = (step & 1) == 0 ? map.remove(key)
                    : map.put(key, ViewCheck.stamp(generation, index, position));
            if (++step == 2 * slice.length) {
                step = 0;
                generation++;
            }
            counters.setWrites(index, ++writes);
            return result;
        }
    }

    /** One reader: where it is in the read sequence. */
    @State(Scope.Thread)
    public static class Reader {
        SharedMap<Long, Long> map;
        IterationProbe.Counters counters;
        Long[] keys;
        int index;
        int cursor;
        long reads;

        @Setup(Level.Trial)
        public void start(Shared shared, ThreadParams threads) {
            map = shared.map;
            counters = shared.counters;
            keys = shared.readKeys;
            index = threads.getSubgroupThreadIndex();
            cursor = WorkloadSequence.startOffset(index);
        }

        Long read() {
            Long value = map.get(keys[cursor++ & WorkloadSequence.MASK]);
            counters.setReads(index, ++reads);
            return value;
        }
    }

    @Benchmark
    @Group("iteration")
    @GroupThreads(1)
    public long iterate(Walker walker) {
        return walker.walk();
    }

    @Benchmark
    @Group("iteration")
    @GroupThreads(1)
    public Long read(Reader reader) {
        return reader.read();
    }

    @Benchmark
    @Group("iteration")
    @GroupThreads(1)
    public Long write(Writer writer) {
        return writer.write();
    }
}
