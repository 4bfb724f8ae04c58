package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.results.EnvJson;
import java.util.List;
import java.util.Properties;

/**
 * The deeper measurements a run adds to the workload matrix, read from {@code bench.*} properties.
 *
 * <ul>
 *   <li>{@code bench.latency=true|false}: latency cells; on by default in the default and full efforts,
 *       off in smoke (its two-minute budget has no room for them).</li>
 *   <li>{@code bench.gcs=G1,Parallel,Z} (or {@code none}): the GC sweep of the allocation-heavy
 *       strategies. Full effort sweeps all three by default; the default effort only when asked, since
 *       the sweep would push it past its 15-minute budget and the matrix already runs under G1.</li>
 *   <li>{@code bench.gcChurn=true}: adds {@code -prof gc:churn=true} figures to the GC-sweep cells.</li>
 *   <li>{@code bench.profile=async}: CPU and allocation flame graphs per cell (off by default).</li>
 *   <li>{@code bench.iteration=true|false}: iteration cells (walking the map while others write it); on
 *       by default in every effort, smoke included (one cell), so the pipeline check covers them.</li>
 * </ul>
 */
public record DeepSettings(boolean latency, List<GarbageCollector> gcs, boolean gcChurn, boolean profile, boolean iteration) {

    /** Settings without iteration cells. */
    DeepSettings(boolean latency, List<GarbageCollector> gcs, boolean gcChurn, boolean profile) {
        this(latency, gcs, gcChurn, profile, false);
    }

    public static DeepSettings from(Properties properties, Effort effort) {
        return new DeepSettings(BenchProperty.LATENCY.get(properties, effort), BenchProperty.GCS.get(properties, effort),
                BenchProperty.GC_CHURN.get(properties, effort), BenchProperty.PROFILE.get(properties, effort),
                BenchProperty.ITERATION.get(properties, effort));
    }

    /**
     * The properties with every deep setting the user did not give again taken from the env.json of the
     * run being resumed, so a resumed run plans the same extra cells it started with.
     */
    static Properties withRecorded(Properties given, EnvJson.Deep recorded) {
        Properties effective = new Properties();
        effective.putAll(given);
        if (recorded == null) {
            return effective;
        }
        recordIfAbsent(effective, BenchProperty.LATENCY, recorded.latencyCells());
        recordIfAbsent(effective, BenchProperty.GCS, recorded.gcSweep() == null ? null
                : recorded.gcSweep().isEmpty() ? "none" : String.join(",", recorded.gcSweep()));
        recordIfAbsent(effective, BenchProperty.GC_CHURN, recorded.gcChurn());
        recordIfAbsent(effective, BenchProperty.PROFILE, recorded.profile() == null ? "off" : recorded.profile());
        recordIfAbsent(effective, BenchProperty.ITERATION, recorded.iterationCells());
        return effective;
    }

    private static void recordIfAbsent(Properties properties, BenchProperty<?> property, Object recorded) {
        if (!property.given(properties) && recorded != null) {
            properties.setProperty(property.key(), recorded.toString());
        }
    }
}
