package dev.mapbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.bench.GarbageCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

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
    static Properties withRecorded(Properties given, JsonNode env) {
        Properties effective = new Properties();
        effective.putAll(given);
        recordIfAbsent(effective, "bench.latency", env.path("latencyCells"), JsonNode::asText);
        recordIfAbsent(effective, "bench.gcs", env.path("gcSweep"),
                node -> node.isEmpty() ? "none" : String.join(",", texts(node)));
        recordIfAbsent(effective, "bench.gcChurn", env.path("gcChurn"), JsonNode::asText);
        recordIfAbsent(effective, "bench.profile", env.path("profile"), node -> node.isNull() ? "off" : node.asText());
        recordIfAbsent(effective, "bench.iteration", env.path("iterationCells"), JsonNode::asText);
        return effective;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static void recordIfAbsent(Properties properties, String key, JsonNode recorded,
            Function<JsonNode, String> text) {
        if (value(properties, key) == null && !recorded.isMissingNode()) {
            properties.setProperty(key, text.apply(recorded));
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
