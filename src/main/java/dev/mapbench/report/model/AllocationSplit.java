package dev.mapbench.report.model;

import dev.mapbench.results.ReadWriteAllocation;
import java.util.List;

/**
 * Bytes per read and per write of every mapbench workload group (strategy × size × key distribution ×
 * thread count), derived by {@link ReadWriteAllocation} from the cells' {@code gc.alloc.rate.norm}, and
 * the finding on reads that allocate.
 *
 * @param rows one per group, in strategy, size, key distribution, thread order
 * @param finding which strategies' reads allocate, computed from the rows
 */
public record AllocationSplit(List<Row> rows, ReadAllocationFinding finding) implements ReportSection {

    /** Copies the list. */
    public AllocationSplit {
        rows = List.copyOf(rows);
    }

    /**
     * One group and the cores its cells were judged against.
     *
     * @param allocation bytes per read and per write of the group
     * @param cores the fewest cores any of the group's cells was measured on
     * @param threadSafe false for a strategy that is a baseline, never ranked (the unsynchronized ceiling)
     */
    public record Row(ReadWriteAllocation allocation, int cores, boolean threadSafe) {

        /** True when the group's threads exceed its cores. */
        public boolean oversubscribed() {
            return allocation.group().threads() > cores;
        }

        /** The group's strategy. */
        public String strategy() {
            return allocation.group().strategy();
        }

        /** The group's thread count. */
        public int threads() {
            return allocation.group().threads();
        }
    }

    /** True when no workload cell had {@code gc.alloc.rate.norm} (run without {@code -prof gc}, or foreign JSON). */
    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
