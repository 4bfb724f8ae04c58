package dev.mapbench.runner;

import dev.mapbench.workload.CellId;
import java.util.Locale;

/**
 * A cell outside the workload matrix (a latency cell, a GC-sweep cell): everything the runner needs to
 * run it through JMH and file it under {@code cells/} beside the matrix cells.
 */
public interface ExtraCell {

    /** The cell's name ({@link CellId}). */
    CellId cellId();

    /** Stable name, unique in a run, matched by {@code bench.include}. */
    default String id() {
        return cellId().id();
    }

    /** The strategy the cell measures. */
    dev.mapbench.maps.Strategy strategy();

    /**
     * The cell's id without its strategy, e.g. {@code LATENCY-*-r50-s10000-UNIFORM-t2}: every strategy of one
     * such workload goes to the same shard, so the strategies it compares ran on one machine.
     */
    default String workload() {
        return cellId().workload();
    }

    /** All threads of the cell. */
    int threads();

    /** Forks and iteration times. */
    CellTiming timing();

    /** One JMH run of this cell: its benchmark, parameters, timing, threads or groups, profilers and JVM arguments. */
    ForkSpec forkSpec();

    /** Human-readable description for progress lines. */
    String describe();

    /** File name under {@code cells/}, in the matrix's format: index, id, oversubscription mark. */
    default String fileName(int index, int cores) {
        return String.format(Locale.ROOT, "%04d-%s%s.json", index, id(), threads() > cores ? "-oversubscribed" : "");
    }

    /** {@link #describe()} with the oversubscription mark the matrix cells carry. */
    default String describe(int cores) {
        return describe() + (threads() > cores
                ? " [OVERSUBSCRIBED: " + threads() + " threads > " + cores + " cores]" : "");
    }
}
