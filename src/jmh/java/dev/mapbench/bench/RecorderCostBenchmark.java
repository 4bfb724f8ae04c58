package dev.mapbench.bench;

import dev.mapbench.recorder.TraceRecorder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

/**
 * What the trace recorder costs a service per call: a {@code ConcurrentHashMap} of 1 024 {@code Long} keys, bare
 * ({@code recording=false}) or wearing a {@code RecordingMap} ({@code true}), side by side; {@code operation} is
 * {@code get} (every key present) or {@code put} (an update). Run at 1 and 2 threads ({@code -t}); the score is
 * nanoseconds per call, and the recorder's cost is the difference.
 *
 * <p>What would make the number a lie: a recorder that hit its bound records nothing and costs almost nothing, so
 * every measured iteration gets a fresh recorder (set up outside the timed part) with a bound it cannot reach in
 * one iteration, and the tear-down fails the fork if it was reached anyway. Keys are boxed in setup; each thread
 * walks them from its own offset; the map's result is returned.
 *
 * <p>Run: {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main RecorderCostBenchmark
 * -t 1 -f 3 -wi 5 -w 200ms -i 10 -r 200ms -jvmArgs '-Xms2g -Xmx2g'} (then {@code -t 2}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderCostBenchmark {

    private static final int KEYS = 1 << 10;

    @Param({"false", "true"})
    public boolean recording;

    @Param({"get", "put"})
    public String operation;

    ConcurrentHashMap<Long, Long> bare;
    ConcurrentMap<Long, Long> map;
    TraceRecorder recorder;
    Long[] keys;
    boolean get;

    @Setup(Level.Trial)
    public void fill() {
        if (!operation.equals("get") && !operation.equals("put")) {
            throw new IllegalArgumentException("operation: get or put, not " + operation);
        }
        get = operation.equals("get");
        keys = new Long[KEYS];
        bare = new ConcurrentHashMap<>();
        for (int i = 0; i < KEYS; i++) {
            keys[i] = i * 7919L;
            bare.put(keys[i], keys[i]);
        }
    }

    /** A fresh recorder every iteration: 64 Mi events (512 MiB) cannot be reached in a short one. */
    @Setup(Level.Iteration)
    public void wear() {
        recorder = new TraceRecorder(1L << 26, 1L << 30);
        map = recording ? recorder.wrap(bare) : bare;
    }

    @TearDown(Level.Iteration)
    public void checkBound() {
        if (recorder.truncated()) {
            throw new IllegalStateException("the recorder reached its bound: the iteration measured a stopped recorder");
        }
        recorder = null;
        map = null;
    }

    /** Each thread's position. */
    @State(Scope.Thread)
    public static class Position {
        int index = (int) (Thread.currentThread().getId() * 40_503);
    }

    @Benchmark
    public Long call(Position position) {
        Long key = keys[position.index++ & (KEYS - 1)];
        return get ? map.get(key) : map.put(key, key);
    }
}
