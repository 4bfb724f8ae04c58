package dev.mapbench.report.model;

import java.util.List;
import java.util.Optional;

/**
 * Which strategies' reads allocate at least {@link #THRESHOLD_BYTES} B/op (the target for reads), at which
 * thread counts and how much; for the ReentrantReadWriteLock strategy, whether the figures show the
 * JDK lock's per-reader hold counters rather than the harness. Every figure comes from the rows.
 *
 * @param allocating the strategies whose reads reach the threshold in some cell, by strategy name
 * @param quietStrategies the other strategies with a 100 %-read cell: their reads stay under the threshold everywhere
 * @param quietMaxReadBytes the most their reads allocated in any cell (NaN when there are none)
 * @param quietCells how many of their groups have a 100 %-read cell
 */
public record ReadAllocationFinding(List<AllocatingReads> allocating, List<String> quietStrategies,
        double quietMaxReadBytes, int quietCells) {

    /** Bytes per read at or above which reads count as allocating. */
    public static final double THRESHOLD_BYTES = 1.0;

    /** Copies the list. */
    public ReadAllocationFinding {
        allocating = List.copyOf(allocating);
        quietStrategies = List.copyOf(quietStrategies);
    }

    /**
     * A strategy whose reads allocate at least the threshold in some cell.
     *
     * @param strategy the strategy's name
     * @param threadCounts its reads at every thread count measured, fewest threads first
     * @param holdCounters for the RWLock strategy, the evidence that the bytes are the JDK lock's own
     */
    public record AllocatingReads(String strategy, List<ReadsAtThreads> threadCounts,
            Optional<HoldCounterEvidence> holdCounters) {

        /** Copies the list. */
        public AllocatingReads {
            threadCounts = List.copyOf(threadCounts);
        }
    }

    /**
     * A strategy's bytes per read at one thread count, over every size and key distribution.
     *
     * @param threads the thread count
     * @param oversubscribed true when some of its cells ran more threads than cores
     * @param minBytes the fewest bytes per read of those cells
     * @param maxBytes the most bytes per read of those cells
     * @param cells how many cells
     */
    public record ReadsAtThreads(int threads, boolean oversubscribed, double minBytes, double maxBytes, int cells) {

        /** True when some cell at this thread count reaches the threshold. */
        public boolean allocates() {
            return maxBytes >= THRESHOLD_BYTES;
        }
    }

    /**
     * Why RWLock reads allocate only with several threads: its 1-thread reads stay under the threshold,
     * and the strategies whose reads do not allocate on their own stay under it at the same thread counts.
     *
     * @param singleThreadMaxBytes the most the strategy's 1-thread reads allocated
     * @param threads the thread counts (≥ 2) at which its reads reach the threshold
     * @param oversubscribedThreads those of {@code threads} that ran more threads than cores
     * @param compared the other strategies measured at those thread counts whose 1-thread reads stay under the threshold
     * @param comparedMaxBytes the most their reads allocated at those thread counts (NaN when none was measured)
     * @param leftOut other strategies left out because their reads allocate at 1 thread already
     */
    public record HoldCounterEvidence(double singleThreadMaxBytes, List<Integer> threads, List<Integer> oversubscribedThreads,
            List<String> compared, double comparedMaxBytes, List<String> leftOut) {

        /** Copies the lists. */
        public HoldCounterEvidence {
            threads = List.copyOf(threads);
            oversubscribedThreads = List.copyOf(oversubscribedThreads);
            compared = List.copyOf(compared);
            leftOut = List.copyOf(leftOut);
        }

        /** True when the compared strategies' reads stay under the threshold: the harness does not allocate there. */
        public boolean harnessQuiet() {
            return !compared.isEmpty() && comparedMaxBytes < THRESHOLD_BYTES;
        }
    }
}
