package dev.mapbench.report;

import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ReadWriteAllocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes per read and per write of every mapbench workload group (strategy × size × key distribution ×
 * thread count), derived by {@link ReadWriteAllocation} from the cells' {@code gc.alloc.rate.norm}, and
 * the finding on reads that allocate.
 *
 * @param rows one per group, in strategy, size, key distribution, thread order
 * @param finding which strategies' reads allocate, computed from the rows
 */
public record AllocationSplit(List<Row> rows, ReadAllocationFinding finding) {

    /** Copies the list. */
    public AllocationSplit {
        rows = List.copyOf(rows);
    }

    /**
     * One group and the cores its cells were judged against.
     *
     * @param allocation bytes per read and per write of the group
     * @param cores the fewest cores any of the group's cells was measured on (contract 2)
     */
    public record Row(ReadWriteAllocation allocation, int cores) {

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

    /** The split of every workload cell of {@code cells} that has {@code gc.alloc.rate.norm}; others are ignored. */
    public static AllocationSplit of(List<BenchmarkCell> cells, CoreCount cores) {
        List<ReadWriteAllocation.Measurement> measurements = new ArrayList<>();
        Map<ReadWriteAllocation.Group, Integer> coresByGroup = new HashMap<>();
        for (BenchmarkCell cell : cells) {
            Optional<WorkloadId> workload = cell.workload();
            Optional<Metric> bytes = cell.secondary(BenchmarkCell.ALLOCATION_PER_OP);
            if (workload.isEmpty() || bytes.isEmpty() || !cell.isWorkloadCell()) {
                continue;
            }
            ReadWriteAllocation.Group group = new ReadWriteAllocation.Group(cell.params().get(Benchmarks.STRATEGY_PARAM),
                    workload.get().size(), workload.get().keyDistribution(), cell.threads());
            measurements.add(new ReadWriteAllocation.Measurement(group, workload.get().readPercent(), bytes.get()));
            coresByGroup.merge(group, cores.coresFor(cell), Math::min);
        }
        List<Row> rows = ReadWriteAllocation.of(measurements).stream()
                .map(split -> new Row(split, coresByGroup.get(split.group())))
                .toList();
        return new AllocationSplit(rows, ReadAllocationFinding.of(rows));
    }

    /** True when no workload cell had {@code gc.alloc.rate.norm} (run without {@code -prof gc}, or foreign JSON). */
    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
