package dev.mapbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A HotSpot garbage collector a GC-sweep cell can run under: its flag, and how to recognise it. */
public enum GarbageCollector {
    G1("-XX:+UseG1GC", "G1 "),
    PARALLEL("-XX:+UseParallelGC", "PS "),
    Z("-XX:+UseZGC", "ZGC ");

    private final String jvmFlag;
    private final String mxBeanPrefix;

    GarbageCollector(String jvmFlag, String mxBeanPrefix) {
        this.jvmFlag = jvmFlag;
        this.mxBeanPrefix = mxBeanPrefix;
    }

    /** The JVM option that selects this collector. */
    public String jvmFlag() {
        return jvmFlag;
    }

    /**
     * Parses a comma-separated list such as {@code G1,Parallel,Z} (the {@code bench.gcs} property):
     * names are case-insensitive, a trailing {@code GC} is allowed ({@code ZGC}), repeats are dropped.
     *
     * @throws IllegalArgumentException naming the unknown entry, or when the list is empty
     */
    public static List<GarbageCollector> parseList(String list) {
        List<GarbageCollector> collectors = new ArrayList<>();
        for (String entry : list.split(",")) {
            String name = entry.trim();
            if (name.isEmpty()) {
                continue;
            }
            GarbageCollector collector = parse(name);
            if (!collectors.contains(collector)) {
                collectors.add(collector);
            }
        }
        if (collectors.isEmpty()) {
            throw new IllegalArgumentException("no garbage collector named in '" + list + "' (known: " + known() + ")");
        }
        return collectors;
    }

    private static GarbageCollector parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String bare = upper.endsWith("GC") && upper.length() > 2 ? upper.substring(0, upper.length() - 2) : upper;
        for (GarbageCollector collector : values()) {
            if (collector.name().equals(upper) || collector.name().equals(bare)) {
                return collector;
            }
        }
        throw new IllegalArgumentException("unknown garbage collector '" + name + "' (known: " + known() + ")");
    }

    private static String known() {
        return Arrays.stream(values()).map(GarbageCollector::displayName).collect(Collectors.joining(", "));
    }

    /** The name as people write it: G1, Parallel, Z. */
    public String displayName() {
        return this == PARALLEL ? "Parallel" : name();
    }

    /**
     * The collector that owns these GC MXBean names ("G1 Young Generation", "PS Scavenge",
     * "ZGC Cycles", "ZGC Minor Cycles" ...), or {@code null} for any other collector.
     */
    public static GarbageCollector fromMxBeanNames(List<String> beanNames) {
        for (GarbageCollector collector : values()) {
            if (!beanNames.isEmpty() && beanNames.stream().allMatch(name -> name.startsWith(collector.mxBeanPrefix))) {
                return collector;
            }
        }
        return null;
    }

    /** The collector this JVM runs, or {@code null} when it is none of these. */
    public static GarbageCollector running() {
        return fromMxBeanNames(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }
}
