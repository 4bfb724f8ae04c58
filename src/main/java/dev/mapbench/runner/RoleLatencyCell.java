package dev.mapbench.runner;

import dev.mapbench.maps.Strategy;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import dev.mapbench.workload.Role;
import dev.mapbench.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named workload with roles, timed per role: the {@code rolesLatency} group of {@code MapOperationBenchmark}
 * (the same roles, sequences and map as the throughput cell the verdicts rank, in SampleTime), so each role's
 * latency percentiles are a secondary result of their own ({@code firstLatency}, {@code secondLatency}).
 *
 * @param workloadParameter the benchmark's {@code workload} parameter, as the named cell passes it
 */
public record RoleLatencyCell(Strategy strategy, WorkloadSpec spec, String workloadParameter, int threads,
        CellTiming timing) implements ExtraCell {

    /** E.g. {@code LATENCY-CONCURRENT_HASHMAP-W.config-t2}. */
    @Override
    public CellId cellId() {
        return new CellId.RoleLatency(strategy.name(), spec.name(), threads);
    }

    @Override
    public ForkSpec forkSpec() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(Benchmarks.STRATEGY_PARAM, strategy.name());
        params.put("workload", workloadParameter);
        return new ForkSpec(Benchmarks.OPERATION_ROLES_LATENCY, params, timing, threads, spec.threadsPerRole(threads),
                List.of(), ForkSpec.BASE_JVM_ARGS, List.of());
    }

    @Override
    public String describe() {
        List<Integer> perRole = spec.threadsPerRole(threads);
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < perRole.size(); i++) {
            Role role = spec.roles().get(i);
            roles.add(perRole.get(i) + " " + role.name());
        }
        return "role latency " + strategy + " workload=" + spec.name() + " " + String.join(" + ", roles);
    }
}
