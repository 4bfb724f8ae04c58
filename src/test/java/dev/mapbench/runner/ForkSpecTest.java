package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.bench.IterationSplit;
import dev.mapbench.bench.IterationVisit;
import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.ThreadSplit;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/** A fork is written once ({@link ForkSpec}) and its two renderings mean the same run to JMH. */
class ForkSpecTest {

    private static final CellTiming TIMING = new CellTiming(1, 3, 150, 5, 100);

    /** JMH's own parse of the arguments against the options, field by field. */
    private static void assertSameRun(ForkSpec spec) throws Exception {
        Options built = spec.toOptions();
        Options parsed = new CommandLineOptions(spec.toArguments().toArray(String[]::new));
        assertEquals(built.getIncludes(), parsed.getIncludes(), "benchmark");
        assertEquals(value(built.getForkCount()), value(parsed.getForkCount()), "forks");
        assertEquals(value(built.getWarmupIterations()), value(parsed.getWarmupIterations()), "warm-up iterations");
        assertEquals(value(built.getWarmupTime()), value(parsed.getWarmupTime()), "warm-up time");
        assertEquals(value(built.getMeasurementIterations()), value(parsed.getMeasurementIterations()), "iterations");
        assertEquals(value(built.getMeasurementTime()), value(parsed.getMeasurementTime()), "iteration time");
        assertEquals(value(built.getThreads()), value(parsed.getThreads()), "threads");
        assertEquals(value(built.getThreadGroups()), value(parsed.getThreadGroups()), "thread groups");
        for (String name : spec.params().keySet()) {
            assertEquals(value(built.getParameter(name)), value(parsed.getParameter(name)), "param " + name);
        }
        assertEquals(value(built.getJvmArgs()), value(parsed.getJvmArgs()), "JVM arguments");
        assertEquals(value(built.getJvmArgsAppend()), value(parsed.getJvmArgsAppend()), "the cell's own JVM arguments");
        assertEquals(profilers(built), profilers(parsed), "profilers");
        assertEquals(value(built.shouldFailOnError()), value(parsed.shouldFailOnError()), "fail on error");
    }

    /** What a JMH option holds, comparable: collections as lists, arrays as lists, the rest as text. */
    private static Object value(org.openjdk.jmh.util.Optional<?> option) {
        if (!option.hasValue()) {
            return null;
        }
        Object held = option.get();
        if (held instanceof java.util.Collection<?> collection) {
            return List.copyOf(collection);
        }
        if (held instanceof int[] numbers) {
            return java.util.Arrays.toString(numbers);
        }
        return String.valueOf(held);
    }

    private static Set<String> profilers(Options options) {
        return options.getProfilers().stream().map(p -> p.getKlass() + ":" + p.getOpts()).collect(Collectors.toSet());
    }

    @Test
    void aWorkloadCellRendersTheSameRunBothWays() throws Exception {
        Cell cell = new Cell(MapStrategy.COPY_ON_WRITE, 95, 10_000, KeyDistribution.ZIPFIAN, 2);
        ForkSpec spec = cell.forkSpec(TIMING);
        assertSameRun(spec);
        assertSameRun(spec.withForks(1).withWarmupIterations(6).appending(List.of("-Dmapbench.slowdown=COPY_ON_WRITE:x9")));
        assertTrue(spec.toArguments().containsAll(List.of("-prof", "gc", "-jvmArgs", "-Xms1g -Xmx1g -XX:+UseG1GC")));
        assertSameRun(Cell.calibration(100, KeyDistribution.UNIFORM).forkSpec(TIMING));
    }

    @Test
    void anUnsafePlugInKeepsItsGuardInBothRenderings() throws Exception {
        Strategy unsafe = Strategies.resolve("java.util.concurrent.ConcurrentHashMap", getClass().getClassLoader(),
                Set.of("java.util.concurrent.ConcurrentHashMap"));
        ForkSpec spec = new Cell(unsafe, 100, 100, KeyDistribution.UNIFORM, 1).forkSpec(TIMING);
        assertEquals(List.of("-Dbench.unsafe=java.util.concurrent.ConcurrentHashMap"), spec.jvmArgsAppend());
        assertSameRun(spec);
        Options parsed = new CommandLineOptions(spec.appending(List.of("-Dmapbench.slowdown=X:10")).toArguments()
                .toArray(String[]::new));
        assertEquals(List.of("-Dbench.unsafe=java.util.concurrent.ConcurrentHashMap", "-Dmapbench.slowdown=X:10"),
                List.copyOf(parsed.getJvmArgsAppend().get()),
                "a side's property is appended after the guard, never instead of it");
    }

    @Test
    void extraCellsGroupsProfilersAndCollectorsRenderTheSameRunBothWays() throws Exception {
        assertSameRun(new LatencyCell(MapStrategy.RWLOCK_HASHMAP, ThreadSplit.distinct(2, List.of(50)).get(0), 10_000,
                KeyDistribution.UNIFORM, TIMING).forkSpec());
        assertSameRun(new IterationCell(MapStrategy.CONCURRENT_HASHMAP, IterationVisit.JSON, 10_000,
                new IterationSplit(1, 0, 1), TIMING).forkSpec());
        ForkSpec gc = new GcSweepCell(GarbageCollector.Z, MapStrategy.COPY_ON_WRITE, 95, 100, KeyDistribution.UNIFORM, 2,
                TIMING, true).forkSpec();
        assertSameRun(gc);
        assertTrue(gc.jvmArgs().contains("-XX:+UseZGC") && !gc.jvmArgs().contains("-XX:+UseG1GC"), gc.jvmArgs().toString());
    }

    @Test
    void anArgumentWithASpaceCannotBeRenderedForTheCommandLine() {
        ForkSpec spec = Cell.calibration(100, KeyDistribution.UNIFORM).forkSpec(TIMING)
                .appending(List.of("-Xlog:gc:file=/tmp/a folder/gc.log"));
        spec.toOptions(); // the Java API takes it as one argument
        assertThrows(IllegalArgumentException.class, spec::toArguments);
    }
}
