package dev.mapbench.bench;

import java.util.HashMap;
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

/**
 * Calibration: the smallest honest JMH benchmark of {@code get} on a plain {@link HashMap}.
 *
 * <p>It exists so the report can state the harness overhead of the workload benchmark as a ratio:
 * the workload's single-thread, 100 %-read ConcurrentHashMap cell divided by this cell's score.
 * Keys are boxed once in setup; the timed method is one lookup whose result is returned, so JMH's
 * blackhole consumes it and the lookup cannot be removed as dead code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalibrationBenchmark {

    @Param({"1000"})
    public int size;

    private Map<Long, Long> map;
    private Long[] keys;
    private int mask;
    private int index;

    @Setup(Level.Trial)
    public void fill() {
        int length = Integer.highestOneBit(Math.max(1, size - 1)) << 1;
        mask = length - 1;
        keys = new Long[length];
        map = new HashMap<>();
        for (int i = 0; i < length; i++) {
            keys[i] = (long) (i % size) * 7919L;
            map.put(keys[i], keys[i]);
        }
    }

    @Benchmark
    public Long hashMapGet() {
        return map.get(keys[index++ & mask]);
    }
}
