package dev.mapbench.bench;

import java.util.HashMap;
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
 * Calibration: the smallest honest JMH benchmark of {@code get} on a plain {@link HashMap}.
 *
 * <p>It exists so the report can state the harness overhead of {@link MapWorkloadBenchmark} as a ratio:
 * the workload's single-thread, 100 %-read CONCURRENT_HASHMAP cell divided by this cell's score, at the
 * same {@code size} and {@code keyDistribution}. It walks the very same key sequence
 * ({@link WorkloadSequence} with readPercent 100), so the only differences left are the workload's
 * operation dispatch and the strategy itself. Keys are boxed once in setup; the timed method is one
 * lookup whose result is returned, so JMH's blackhole consumes it and it cannot be removed as dead code.
 * State is per thread (map and index), so running it with more threads is safe, though the runner runs it
 * single-threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibrationBenchmark {

    @Param({"100", "10000"})
    public int size;

    @Param({"UNIFORM", "ZIPFIAN"})
    public KeyDistribution keyDistribution;

    private HashMap<Long, Long> map;
    private Long[] keys;
    private int index;

    @Setup(Level.Trial)
    public void fill() {
        WorkloadSequence sequence = WorkloadSequence.generate(size, 100, keyDistribution);
        keys = sequence.keys();
        map = new HashMap<>((int) Math.ceil(size / 0.75d)); // sized as the strategies size theirs
        for (Long key : sequence.residentKeys()) {
            map.put(key, key);
        }
    }

    @Benchmark
    public Long hashMapGet() {
        return map.get(keys[index++ & WorkloadSequence.MASK]);
    }
}
