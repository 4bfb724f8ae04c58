package dev.mapbench.report.analysis;

import static dev.mapbench.report.model.ReadAllocationFinding.THRESHOLD_BYTES;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.report.model.AllocationSplit;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.ReadAllocationFinding.AllocatingReads;
import dev.mapbench.report.model.ReadAllocationFinding.HoldCounterEvidence;
import dev.mapbench.report.model.ReadAllocationFinding.ReadsAtThreads;
import dev.mapbench.report.model.ReadAllocationFinding;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ReadWriteAllocation;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Bytes per read and per write of the workload cells ({@link AllocationSplit}, derived by
 * {@link ReadWriteAllocation} from {@code gc.alloc.rate.norm} like the runner's alloc-per-op.csv), and the
 * {@link ReadAllocationFinding} on the strategies whose reads allocate; for the ReentrantReadWriteLock
 * strategy, whether the figures show the JDK lock's per-reader hold counters rather than the harness.
 */
public final class AllocationAnalysis {

    private AllocationAnalysis() {
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
        List<AllocationSplit.Row> rows = ReadWriteAllocation.of(measurements).stream()
                .map(split -> new AllocationSplit.Row(split, coresByGroup.get(split.group()),
                        VerdictAnalysis.isThreadSafe(split.group().strategy())))
                .toList();
        return new AllocationSplit(rows, finding(rows));
    }

    /** Which strategies' reads allocate, over {@code rows}. */
    public static ReadAllocationFinding finding(List<AllocationSplit.Row> rows) {
        List<AllocationSplit.Row> withReads = rows.stream()
                .filter(row -> row.allocation().perRead().map(Metric::score).filter(Double::isFinite).isPresent())
                .toList();
        Map<String, List<AllocationSplit.Row>> byStrategy = withReads.stream()
                .collect(Collectors.groupingBy(AllocationSplit.Row::strategy, TreeMap::new, Collectors.toList()));
        List<AllocatingReads> allocating = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        List<AllocationSplit.Row> quietRows = new ArrayList<>();
        byStrategy.forEach((strategy, strategyRows) -> {
            if (max(strategyRows).orElse(0) >= THRESHOLD_BYTES) {
                allocating.add(new AllocatingReads(strategy, byThreads(strategyRows),
                        holdCounterEvidence(strategy, strategyRows, byStrategy)));
            } else {
                quiet.add(strategy);
                quietRows.addAll(strategyRows);
            }
        });
        return new ReadAllocationFinding(allocating, quiet, max(quietRows).orElse(Double.NaN), quietRows.size());
    }

    private static List<ReadsAtThreads> byThreads(List<AllocationSplit.Row> rows) {
        Map<Integer, List<AllocationSplit.Row>> byThreads = rows.stream()
                .collect(Collectors.groupingBy(AllocationSplit.Row::threads, TreeMap::new, Collectors.toList()));
        List<ReadsAtThreads> counts = new ArrayList<>();
        byThreads.forEach((threads, sameThreads) -> counts.add(new ReadsAtThreads(threads,
                sameThreads.stream().anyMatch(AllocationSplit.Row::oversubscribed),
                sameThreads.stream().mapToDouble(AllocationAnalysis::readBytes).min().orElseThrow(),
                max(sameThreads).orElseThrow(), sameThreads.size())));
        return counts;
    }

    private static Optional<HoldCounterEvidence> holdCounterEvidence(String strategy, List<AllocationSplit.Row> rows,
            Map<String, List<AllocationSplit.Row>> byStrategy) {
        List<ReadsAtThreads> counts = byThreads(rows);
        Optional<ReadsAtThreads> single = counts.stream().filter(count -> count.threads() == 1).findFirst();
        List<ReadsAtThreads> allocatingMulti = counts.stream()
                .filter(count -> count.threads() >= 2 && count.allocates()).toList();
        if (!strategy.equals(MapStrategy.RWLOCK_HASHMAP.name()) || single.isEmpty() || single.get().allocates()
                || allocatingMulti.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> threads = allocatingMulti.stream().map(ReadsAtThreads::threads).collect(Collectors.toSet());
        List<String> compared = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<AllocationSplit.Row> comparedRows = new ArrayList<>();
        byStrategy.forEach((other, otherRows) -> {
            if (other.equals(strategy)) {
                return;
            }
            boolean allocatesAlone = otherRows.stream()
                    .anyMatch(row -> row.threads() == 1 && readBytes(row) >= THRESHOLD_BYTES);
            List<AllocationSplit.Row> atThreads = otherRows.stream().filter(row -> threads.contains(row.threads())).toList();
            if (allocatesAlone) {
                leftOut.add(other);
            } else if (!atThreads.isEmpty()) {
                compared.add(other);
                comparedRows.addAll(atThreads);
            }
        });
        return Optional.of(new HoldCounterEvidence(single.get().maxBytes(),
                allocatingMulti.stream().map(ReadsAtThreads::threads).toList(),
                allocatingMulti.stream().filter(ReadsAtThreads::oversubscribed).map(ReadsAtThreads::threads).toList(),
                compared, max(comparedRows).orElse(Double.NaN), leftOut));
    }

    private static double readBytes(AllocationSplit.Row row) {
        return row.allocation().perRead().map(Metric::score).orElse(Double.NaN);
    }

    private static OptionalDouble max(List<AllocationSplit.Row> rows) {
        return rows.stream().mapToDouble(AllocationAnalysis::readBytes).filter(Double::isFinite).max();
    }
}
