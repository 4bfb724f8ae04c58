package dev.mapbench.linearizability;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The Lincheck configurations: the test suite's, sized so that all strategies check in a few minutes on two
 * cores, and the bench-time check of a plug-in: the same kind of scenarios, twenty times as many (about a
 * minute for both modes on two cores: 40 scenarios took 12 s on a quiet machine, 150 took 31 s), because a
 * plug-in has no test suite of its own behind it, and some races need many scenarios to show (JCTools' map's
 * non-linearizable {@code size} needed up to 60 in the model checker).
 *
 * <p>Two threads with three operations each (after an initial and before a final sequential part)
 * over three keys: small scenarios, but the model checker explores their interleavings systematically,
 * and that finds the races of the broken maps in {@code LincheckRejectsBrokenMapsTest} within the
 * first few scenarios. Stress runs the same scenarios on real threads. Results are compared with
 * {@link SequentialMap}, so a strategy is also held to {@code HashMap}'s sequential behaviour.
 */
public final class LincheckRuns {

    private static final int THREADS = 2;
    private static final int ACTORS_PER_THREAD = 3;
    /** Scenarios per mode in the test suite. */
    static final int SUITE_ITERATIONS = 10;
    /** Scenarios per mode in the bench-time check of a plug-in. */
    public static final int PLUGIN_ITERATIONS = 20 * SUITE_ITERATIONS;
    private static final int INVOCATIONS_PER_ITERATION = 200;

    private LincheckRuns() {
    }

    /** The scenarios the suite's modes explore, in words, for the report. */
    public static String describe() {
        return THREADS + " threads × " + ACTORS_PER_THREAD + " operations (get, put, remove, putIfAbsent, computeIfAbsent, "
                + "merge, size where checked) over keys 1..3,"
                + " " + SUITE_ITERATIONS + " iterations × " + INVOCATIONS_PER_ITERATION
                + " invocations per mode, results compared with a sequential HashMap";
    }

    /** Systematic exploration of thread switches inside the operations. */
    public static ModelCheckingOptions modelChecking() {
        return modelChecking(SUITE_ITERATIONS);
    }

    /** The same scenarios on real, unmanaged threads. */
    public static StressOptions stress() {
        return stress(SUITE_ITERATIONS);
    }

    /** Model checking of {@code iterations} scenarios. */
    public static ModelCheckingOptions modelChecking(int iterations) {
        return new ModelCheckingOptions()
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .iterations(iterations)
                .invocationsPerIteration(INVOCATIONS_PER_ITERATION)
                .sequentialSpecification(SequentialMap.class);
    }

    /** Stress testing of {@code iterations} scenarios. */
    public static StressOptions stress(int iterations) {
        return new StressOptions()
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .iterations(iterations)
                .invocationsPerIteration(INVOCATIONS_PER_ITERATION)
                .sequentialSpecification(SequentialMap.class);
    }

    /** Threads per scenario, for the check's report. */
    public static int threads() {
        return THREADS;
    }
}
