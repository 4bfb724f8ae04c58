package dev.mapbench.bench;

import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * Calibration: the smallest honest JMH benchmarks of {@code get}, on a plain {@link HashMap} and on a
 * bare {@link ConcurrentHashMap}.
 *
 * <p>They exist so the report can split the workload's single-thread, 100 %-read CONCURRENT_HASHMAP cell
 * into two ratios: that cell over {@link #concurrentHashMapGet} is the harness overhead proper (operation
 * dispatch, the strategy adapter), and {@link #concurrentHashMapGet} over {@link #hashMapGet} is what
 * ConcurrentHashMap itself costs against a plain HashMap. The product of the two is the cell over
 * {@link #hashMapGet}, the ratio the suite's harness-overhead target is stated in. Both walk the very
 * same key sequence as the workload ({@link WorkloadSequence} with readPercent 100). Keys are boxed once
 * in setup; the timed method is one lookup whose result is returned, so JMH's blackhole consumes it and
 * it cannot be removed as dead code. Each method gets its own state, so a cell builds only the map it
 * reads; state is per thread (map and index), though the runner runs these single-threaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibrationBenchmark {

    /** The key sequence and one thread's position in it; subclasses build and hold the map. */
    @State(Scope.Thread)
    public abstract static class Lookup {

        @Param({"100", "10000"})
        public int size;

        @Param({"UNIFORM", "ZIPFIAN"})
        public KeyDistribution keyDistribution;

        Long[] keys;
        int index;

        /** Builds the map, sized as the strategies size theirs, and puts every resident key in it. */
        abstract void fill(Long[] residentKeys);

        @Setup(Level.Trial)
        public void setUp() {
            WorkloadSequence sequence = WorkloadSequence.generate(size, 100, keyDistribution);
            keys = sequence.keys();
            fill(sequence.residentKeys());
        }
    }

    /** A plain HashMap, as {@code HashMaps.withExpectedSize} builds it; the field has the exact class. */
    public static class PlainHashMap extends Lookup {
        HashMap<Long, Long> map;

        @Override
        void fill(Long[] residentKeys) {
            map = new HashMap<>((int) Math.ceil(size / 0.75d));
            for (Long key : residentKeys) {
                map.put(key, key);
            }
        }
    }

    /** A ConcurrentHashMap, as the CONCURRENT_HASHMAP strategy builds it; the field has the exact class. */
    public static class BareConcurrentHashMap extends Lookup {
        ConcurrentHashMap<Long, Long> map;

        @Override
        void fill(Long[] residentKeys) {
            map = new ConcurrentHashMap<>(size);
            for (Long key : residentKeys) {
                map.put(key, key);
            }
        }
    }

    /**
     * A bare {@code ConcurrentHashMap.get} over the String keys of the {@code strings} preset, walking the very key
     * sequence the named-workload benchmark walks for it (thread 0): the ruler its harness overhead is stated
     * against for String keys, as {@link #concurrentHashMapGet} is for the grid's Long keys.
     */
    @State(Scope.Thread)
    public static class BareStringMap {
        ConcurrentHashMap<String, Long> map;
        String[] keys;
        int index;

        @Setup(Level.Trial)
        public void setUp() {
            dev.mapbench.workload.WorkloadSpec strings = dev.mapbench.workload.Presets.named("strings");
            dev.mapbench.workload.OperationSequence sequence = dev.mapbench.workload.OperationSequence.generate(strings,
                    strings.mix(), 0);
            String[] resident = new String[strings.size()];
            map = new ConcurrentHashMap<>(strings.size());
            for (int id = 0; id < resident.length; id++) {
                resident[id] = dev.mapbench.workload.KeySpace.text(id);
                map.put(resident[id], (long) id);
            }
            keys = new String[sequence.length()];
            for (int step = 0; step < keys.length; step++) {
                keys[step] = resident[sequence.keys()[step]];
            }
        }
    }

    @Benchmark
    public Long concurrentHashMapGetString(BareStringMap lookup) {
        return lookup.map.get(lookup.keys[lookup.index++ & (dev.mapbench.workload.OperationSequence.STEADY_LENGTH - 1)]);
    }

    @Benchmark
    public Long hashMapGet(PlainHashMap lookup) {
        return lookup.map.get(lookup.keys[lookup.index++ & WorkloadSequence.MASK]);
    }

    @Benchmark
    public Long concurrentHashMapGet(BareConcurrentHashMap lookup) {
        return lookup.map.get(lookup.keys[lookup.index++ & WorkloadSequence.MASK]);
    }
}
