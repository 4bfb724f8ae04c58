package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.results.EnvJson;
import java.util.List;
import java.util.Locale;
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
record DeepSettings(boolean latency, List<GarbageCollector> gcs, boolean gcChurn, boolean profile, boolean iteration) {

    /** Settings without iteration cells. */
    DeepSettings(boolean latency, List<GarbageCollector> gcs, boolean gcChurn, boolean profile) {
        this(latency, gcs, gcChurn, profile, false);
    }

    static DeepSettings from(Properties properties, Effort effort) {
        boolean latency = bool(properties, "bench.latency", effort != Effort.SMOKE);
        boolean iteration = bool(properties, "bench.iteration", true);
        String gcText = value(properties, "bench.gcs");
        List<GarbageCollector> gcs;
        if (gcText == null) {
            gcs = effort == Effort.FULL ? List.of(GarbageCollector.values()) : List.of();
        } else if (gcText.equalsIgnoreCase("none")) {
            gcs = List.of();
        } else {
            try {
                gcs = GarbageCollector.parseList(gcText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bench.gcs: " + e.getMessage());
            }
        }
        boolean churn = bool(properties, "bench.gcChurn", false);
        String profile = value(properties, "bench.profile");
        if (profile != null && !profile.equalsIgnoreCase("async") && !profile.equalsIgnoreCase("off")) {
            throw new IllegalArgumentException("bench.profile: '" + profile + "' is not async or off");
        }
        return new DeepSettings(latency, gcs, churn, profile != null && profile.equalsIgnoreCase("async"), iteration);
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
        recordIfAbsent(effective, "bench.latency", recorded.latencyCells());
        recordIfAbsent(effective, "bench.gcs", recorded.gcSweep() == null ? null
                : recorded.gcSweep().isEmpty() ? "none" : String.join(",", recorded.gcSweep()));
        recordIfAbsent(effective, "bench.gcChurn", recorded.gcChurn());
        recordIfAbsent(effective, "bench.profile", recorded.profile() == null ? "off" : recorded.profile());
        recordIfAbsent(effective, "bench.iteration", recorded.iterationCells());
        return effective;
    }

    private static void recordIfAbsent(Properties properties, String key, Object recorded) {
        if (value(properties, key) == null && recorded != null) {
            properties.setProperty(key, recorded.toString());
        }
    }

    private static boolean bool(Properties properties, String key, boolean fallback) {
        String text = value(properties, key);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + text + "' is not true or false");
        };
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
