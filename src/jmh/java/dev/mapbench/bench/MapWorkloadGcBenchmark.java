package dev.mapbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The workload benchmark again, with the garbage collector as a parameter: the GC sweep of the
 * allocation-heavy strategies (wrapper layer, copy-on-write), so a report can set G1, Parallel and ZGC
 * side by side for the same cell.
 *
 * <p>The timed method, its workload and its guards are those of {@link MapWorkloadBenchmark}
 * (inherited). JMH cannot choose a collector from a {@code @Param}: the runner starts each fork with
 * the collector's flag ({@link GarbageCollector#jvmFlag()}), and the {@code gc} parameter records it
 * in the JMH result. Setup checks the running collector against the parameter, so the label cannot
 * disagree with the JVM that measured. Run with {@code -prof gc}: {@code gc.alloc.rate},
 * {@code gc.count} and {@code gc.time} are what change between collectors; for ZGC, {@code gc.time}
 * includes its concurrent cycles, not only pauses.
 *
 * <p>By hand: {@code java -cp target/classes:$(cat target/classpath.txt) org.openjdk.jmh.Main
 * MapWorkloadGcBenchmark -p gc=Z -jvmArgsAppend -XX:+UseZGC -p strategy=COPY_ON_WRITE -p readPercent=95
 * -p size=10000 -p keyDistribution=UNIFORM -t 2 -prof gc}.
 */
public class MapWorkloadGcBenchmark extends MapWorkloadBenchmark {

    @Param({"G1"})
    public GarbageCollector gc;

    /** Refuses to measure under a collector other than the one the {@code gc} parameter names. */
    @Setup(Level.Trial)
    public void checkCollector() {
        GarbageCollector running = GarbageCollector.running();
        if (running != gc) {
            throw new IllegalStateException("gc=" + gc + " but this JVM runs " + (running == null ? "another collector" : running)
                    + "; start the fork with " + gc.jvmFlag());
        }
    }
}
