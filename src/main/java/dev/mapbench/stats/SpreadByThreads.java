package dev.mapbench.stats;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The run's between-fork spread, measured separately for each thread count.
 *
 * <p>Why not one spread for the run: forks of a 2-thread cell on a 2-core machine scatter several times
 * wider than forks of a 1-thread cell, which has a core to itself while the JMH host and the OS use the
 * other. In three default runs on this machine (2026-12-01) the median cell's log sd was 0.031, 0.060 and
 * 0.054 at 1 thread against 0.137, 0.224 and 0.101 at 2 threads, and the largest fork ratio 2.6, 1.9 and
 * 2.7× against 3.0, 3.5 and 3.1×. One pooled spread is too wide for the first (decisions a quiet cell could
 * carry are withheld) and too narrow for the second: two single 2-thread forks 2.1× apart were called a
 * difference in one run and reversed in the next. Each workload is judged with the spread of its own thread
 * count; a thread count with no repeated cells yet has the prior ({@link ForkSpread#prior()}).
 *
 * @param byThreads the spread measured at each thread count
 */
public record SpreadByThreads(SortedMap<Integer, ForkSpread> byThreads) {

    /** Copies the map. */
    public SpreadByThreads {
        byThreads = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byThreads));
    }

    /** Measures each thread count's samples ({@link ForkSpread#measure}). */
    public static SpreadByThreads measure(Map<Integer, ? extends Collection<ForkSample>> samplesByThreads) {
        SortedMap<Integer, ForkSpread> spreads = new TreeMap<>();
        samplesByThreads.forEach((threads, samples) -> spreads.put(threads, ForkSpread.measure(samples)));
        return new SpreadByThreads(spreads);
    }

    /** The spread a workload with {@code threads} threads is judged with. */
    public ForkSpread at(int threads) {
        return byThreads.getOrDefault(threads, ForkSpread.prior());
    }

    /** One line for outputs, e.g. "1 thread: between-fork spread: …; 2 threads: …". */
    public String describe() {
        if (byThreads.isEmpty()) {
            return ForkSpread.prior().describe();
        }
        return byThreads.entrySet().stream()
                .map(entry -> entry.getKey() + (entry.getKey() == 1 ? " thread: " : " threads: ") + entry.getValue().describe())
                .collect(Collectors.joining("; "));
    }
}
