package dev.mapbench.runner;

import org.openjdk.jmh.runner.RunnerException;

/** Runs one fork of one cell and returns JMH's JSON for it (an array of one result); tests fake it. */
interface ForkExecutor {

    /** One measured fork of {@code cell}. */
    Fork run(Cell cell) throws RunnerException;

    /**
     * A measured fork.
     *
     * @param json JMH's JSON of the one-fork run
     * @param score the primary score (mean of the fork's measured iterations)
     * @param unit the score's unit
     * @param summary one line for the console, e.g. {@code 331.2 ± 4.1 ops/us, alloc 0.0 B/op}
     */
    record Fork(String json, double score, String unit, String summary) {
    }
}
