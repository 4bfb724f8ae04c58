package dev.mapbench.runner;

import java.util.List;

/**
 * What the runner gives every forked benchmark JVM and what a fork costs, for tools that fork
 * benchmarks outside the runner (the A/B command, {@code dev.mapbench.ab}), so both measure alike.
 */
public final class ForkFacts {

    private ForkFacts() {
    }

    /** The arguments of every forked benchmark JVM (fixed heap, named collector). */
    public static List<String> jvmArgs() {
        return ForkSpec.BASE_JVM_ARGS;
    }

    /** Planned wall time of one cell with this timing, in seconds, as the runner plans it. */
    public static double plannedSeconds(CellTiming timing) {
        return timing.plannedSeconds();
    }

    /** Measured start-up of one forked benchmark JVM on the 2-core machine, in seconds. */
    public static double forkStartSeconds() {
        return Effort.FORK_START_SECONDS;
    }
}
