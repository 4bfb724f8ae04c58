package dev.mapbench.workload;

import java.util.Comparator;

/**
 * What one comparison ranks its strategies under: a grid workload ({@link WorkloadId}) or a named one
 * ({@link NamedWorkloadId}). Its {@link #id()} is the cell id without the strategy.
 */
public sealed interface ComparedWorkload permits WorkloadId, NamedWorkloadId {

    /** Grid workloads first (in {@link WorkloadId#DISPLAY_ORDER}), then named ones by name and threads. */
    Comparator<ComparedWorkload> DISPLAY_ORDER = (a, b) -> {
        if (a instanceof WorkloadId x && b instanceof WorkloadId y) {
            return WorkloadId.DISPLAY_ORDER.compare(x, y);
        }
        if (a instanceof NamedWorkloadId x && b instanceof NamedWorkloadId y) {
            return NamedWorkloadId.ORDER.compare(x, y);
        }
        return a instanceof WorkloadId ? -1 : 1;
    };

    /** The id: the cell id without its strategy. */
    String id();

    /** A label for people, e.g. {@code 95 % read, 2 threads, size 100, UNIFORM} or {@code cache, 2 threads}. */
    String describe();

    /** Threads running it. */
    int threads();

    /** The workload's name: a named workload's own, {@code grid} for a grid workload. */
    String name();
}
