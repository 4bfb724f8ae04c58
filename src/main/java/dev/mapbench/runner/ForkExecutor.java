package dev.mapbench.runner;

import org.openjdk.jmh.runner.RunnerException;

/** Runs one fork of one cell and returns JMH's JSON for it (an array of one result); tests fake it. */
interface ForkExecutor {

    /** One measured fork of {@code cell} with the plan's warm-up. */
    default Fork run(Cell cell) throws RunnerException {
        return run(cell, 1, java.util.List.of());
    }

    /**
     * One measured fork of {@code cell}, its warm-up iterations multiplied by {@code warmupFactor} (a cell whose
     * forks still trended after the planned warm-up gets a longer one) and {@code jvmArgs} appended to the fork's
     * JVM arguments.
     */
    Fork run(Cell cell, int warmupFactor, java.util.List<String> jvmArgs) throws RunnerException;

    /** What the last fork's tear-down state check took, in milliseconds; NaN when unknown. */
    default double lastStateCheckMillis() {
        return Double.NaN;
    }

    /**
     * A measured fork.
     *
     * @param json JMH's JSON of the one-fork run
     * @param score the primary score (mean of the fork's measured iterations)
     * @param unit the score's unit
     * @param summary one line for the console, e.g. {@code 331.2 ± 4.1 ops/us, alloc 0.0 B/op}
     * @param iterations the primary score of each measured iteration, in order
     * @param warmupIterations the warm-up iterations the fork ran
     */
    record Fork(String json, double score, String unit, String summary, double[] iterations, int warmupIterations) {
    }
}
