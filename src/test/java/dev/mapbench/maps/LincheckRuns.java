package dev.mapbench.maps;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The two Lincheck configurations the suite uses, sized so that all strategies check in a few minutes
 * on two cores.
 *
 * <p>Two threads with three operations each (after an initial and before a final sequential part)
 * over three keys: small scenarios, but the model checker explores their interleavings systematically,
 * and that finds the races of the broken maps in {@link LincheckRejectsBrokenMapsTest} within the
 * first few scenarios. Stress runs the same scenarios on real threads. Results are compared with
 * {@link SequentialMap}, so a strategy is also held to {@code HashMap}'s sequential behaviour.
 */
final class LincheckRuns {

    private static final int THREADS = 2;
    private static final int ACTORS_PER_THREAD = 3;
    private static final int ITERATIONS = 10;
    private static final int INVOCATIONS = 200;

    private LincheckRuns() {
    }

    /** The scenarios both modes explore, in words, for the report. */
    static String describe() {
        return THREADS + " threads × " + ACTORS_PER_THREAD + " operations (get, put, remove, size where checked) over keys 1..3,"
                + " " + ITERATIONS + " iterations × " + INVOCATIONS + " invocations per mode, results compared with a sequential HashMap";
    }

    /** Systematic exploration of thread switches inside the operations. */
    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .iterations(ITERATIONS)
                .invocationsPerIteration(INVOCATIONS)
                .sequentialSpecification(SequentialMap.class);
    }

    /** The same scenarios on real, unmanaged threads. */
    static StressOptions stress() {
        return new StressOptions()
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .iterations(ITERATIONS)
                .invocationsPerIteration(INVOCATIONS)
                .sequentialSpecification(SequentialMap.class);
    }
}
