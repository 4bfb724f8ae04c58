package dev.mapbench.runner;

/**
 * Forks and iteration times of a cell (matrix, latency, GC sweep), and what they cost in wall time.
 *
 * @param forks                 JMH forks
 * @param warmupIterations      warmup iterations per fork
 * @param warmupMillis          length of one warmup iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementMillis     length of one measured iteration
 */
public record CellTiming(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
        int measurementMillis) {

    /** The same iterations with another number of forks. */
    public CellTiming withForks(int otherForks) {
        return new CellTiming(otherForks, warmupIterations, warmupMillis, measurementIterations, measurementMillis);
    }

    /** Planned wall time of one cell in seconds, with the fork start and bookkeeping the matrix plans with. */
    double plannedSeconds() {
        double timed = (warmupIterations * (double) warmupMillis + measurementIterations * (double) measurementMillis)
                / 1000.0;
        return forks * (Effort.FORK_START_SECONDS + timed
                + (warmupIterations + measurementIterations) * Effort.ITERATION_OVERHEAD_SECONDS);
    }
}
