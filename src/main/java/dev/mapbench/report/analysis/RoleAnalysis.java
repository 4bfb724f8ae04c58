package dev.mapbench.report.analysis;

import dev.mapbench.report.model.RoleThroughput;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.Role;
import dev.mapbench.workload.WorkloadSpec;
import dev.mapbench.workload.Workloads;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each role's throughput in the named workloads with roles, and its latency where the run timed the roles. JMH
 * measures a group's methods apart and reports each as a secondary result named after the method ({@code first},
 * {@code second}; in the SampleTime group {@code firstLatency}, {@code secondLatency}); the workload names the roles.
 */
public final class RoleAnalysis {

    /** The group methods, in the order the workload's roles are given to them. */
    static final List<String> METHODS = List.of("first", "second");
    /** The same roles' methods in the SampleTime group ({@code rolesLatency}). */
    static final List<String> LATENCY_METHODS = List.of("firstLatency", "secondLatency");
    /** The benchmark method that runs a workload's roles as a JMH group. */
    static final String GROUP = "roles";

    private RoleAnalysis() {
    }

    /** The roles of every named cell run as a group; empty when none was. */
    public static RoleThroughput of(List<BenchmarkCell> cells) {
        Map<String, BenchmarkCell> latency = new HashMap<>();
        for (BenchmarkCell cell : cells) {
            if (cell.cellId().orElse(null) instanceof CellId.RoleLatency id && cell.mode() == BenchmarkMode.SAMPLE_TIME) {
                latency.put(new CellId.Named(id.strategy(), id.name(), id.threads()).id(), cell);
            }
        }
        List<RoleThroughput.Row> rows = new ArrayList<>();
        cells.stream().filter(cell -> cell.isComparedCell() && !cell.isWorkloadCell())
                .filter(cell -> cell.methodName().equals(GROUP))
                .sorted(Comparator.comparing((BenchmarkCell cell) -> cell.comparedWorkload().orElseThrow(),
                        ComparedWorkload.DISPLAY_ORDER).thenComparing(BenchmarkCell::strategy))
                .forEach(cell -> rows.addAll(rows(cell, latency.get(cell.cellId().orElseThrow().id()))));
        return new RoleThroughput(rows);
    }

    private static List<RoleThroughput.Row> rows(BenchmarkCell cell, BenchmarkCell latency) {
        ComparedWorkload workload = cell.comparedWorkload().orElseThrow();
        Optional<WorkloadSpec> spec = spec(cell.params().get("workload"));
        List<Integer> threads = spec.map(one -> safeThreads(one, workload.threads())).orElse(List.of());
        double total = cell.primary().score();
        List<RoleThroughput.Row> rows = new ArrayList<>();
        for (int i = 0; i < METHODS.size(); i++) {
            Optional<Metric> metric = cell.secondary(METHODS.get(i));
            if (metric.isEmpty()) {
                continue;
            }
            int index = i;
            String role = spec.filter(one -> index < one.roles().size()).map(one -> one.roles().get(index))
                    .map(Role::name).orElse("role " + (i + 1));
            int roleThreads = index < threads.size() ? threads.get(index) : 0;
            Metric timed = latency == null ? null : latency.secondary(LATENCY_METHODS.get(i)).orElse(null);
            rows.add(new RoleThroughput.Row(workload.name(), workload.threads(), cell.strategy(), role, roleThreads,
                    metric.get(), metric.get().score() / total, timed));
        }
        return rows;
    }

    /** The workload a cell ran: a preset's name or the path of its file's copy; empty when it cannot be read here. */
    private static Optional<WorkloadSpec> spec(String nameOrFile) {
        if (nameOrFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Workloads.resolve(nameOrFile));
        } catch (UncheckedIOException | IllegalArgumentException e) { // a file moved with the results: its roles keep their method names
            return Optional.empty();
        }
    }

    private static List<Integer> safeThreads(WorkloadSpec spec, int threads) {
        try {
            return spec.threadsPerRole(threads);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
